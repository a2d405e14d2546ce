package dev.smtpmock.internal.protocol;

import dev.smtpmock.scenario.Extension;
import dev.smtpmock.scenario.Reply;

/**
 * VRFY: Postfix's 252, which neither confirms nor denies, echoing the address as given; with
 * SMTPUTF8 advertised a trailing {@code SMTPUTF8} keyword is not part of it.
 */
final class VrfyHandler implements OneStepHandler {
  private static final String SMTPUTF8 = "SMTPUTF8";

  @Override
  public Reply check(SessionState session, Command command) {
    String address = address(session, command);
    if (address.isEmpty()) {
      return Replies.VRFY_SYNTAX;
    }
    boolean bracketed = address.length() > 1 && address.startsWith("<") && address.endsWith(">");
    String bare = bracketed ? address.substring(1, address.length() - 1) : address;
    // Postfix parses the argument as a recipient: an empty one, or two words, are refused
    return bare.isBlank() || Address.hasSpaceBetweenWords(bare) ? Replies.BAD_RECIPIENT : null;
  }

  @Override
  public Reply answer(SessionState session, Command command) {
    return Replies.vrfy(address(session, command));
  }

  private static String address(SessionState session, Command command) {
    String argument = command.argument;
    int space = argument.lastIndexOf(' ');
    boolean keyword = argument.substring(space + 1).equalsIgnoreCase(SMTPUTF8);
    if (!keyword || !session.settings().advertises(Extension.SMTPUTF8)) {
      return argument;
    }
    return space < 0 ? "" : argument.substring(0, space).strip();
  }
}
