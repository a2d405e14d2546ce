package dev.smtpmock.internal.protocol;

import dev.smtpmock.ReceivedMessage.Recipient;
import dev.smtpmock.scenario.Extension;
import dev.smtpmock.scenario.Reply;
import java.util.HashSet;
import java.util.Set;

/** RCPT TO: adds a recipient to the transaction. */
final class RcptHandler implements OneStepHandler {
  private static final String PREFIX = "TO:";

  @Override
  public Reply check(SessionState session, Command command) {
    Transaction transaction = session.transaction();
    if (transaction == null) {
      return Replies.NEED_MAIL;
    }
    if (session.chunking()) {
      return Replies.RCPT_AFTER_BDAT;
    }
    return syntaxCheck(session, command, transaction);
  }

  private static Reply syntaxCheck(SessionState session, Command command, Transaction transaction) {
    if (!command.argument.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return Replies.RCPT_SYNTAX;
    }
    Address.Parsed parsed = Address.parse(command.argument.substring(PREFIX.length()));
    if (parsed.problem() == Address.Problem.MISSING) {
      return Replies.RCPT_SYNTAX;
    }
    if (parsed.problem() == Address.Problem.MALFORMED || parsed.address().address().isEmpty()) {
      return Replies.BAD_RECIPIENT;
    }
    Address address = parsed.address();
    boolean dsn = session.settings().advertises(Extension.DSN);
    Set<String> seen = new HashSet<>();
    for (Address.Parameter param : address.given()) {
      boolean known = param.key().equals("NOTIFY") || param.key().equals("ORCPT");
      if (!dsn || !known || !param.hasValue()) {
        return Replies.unsupportedOption(param.raw());
      }
      Reply refusal = DsnParameters.check(param, !seen.add(param.key()));
      if (refusal != null) {
        return refusal;
      }
    }
    if (!address.isAscii() && !transaction.smtputf8) {
      return Replies.NON_ASCII_ADDRESS;
    }
    command.address = address;
    return null;
  }

  @Override
  public Reply answer(SessionState session, Command command) {
    if (session.transaction().recipients.size() >= session.settings().maxRecipients()) {
      return Replies.TOO_MANY_RECIPIENTS;
    }
    return Replies.RCPT_OK;
  }

  @Override
  public void apply(CommandContext session, Command command, Reply reply) {
    Transaction transaction = session.state().transaction();
    if (reply != null && transaction != null && reply.isPositive()) {
      Address address = command.address;
      transaction.recipients.add(new Recipient(address.address(), address.parameters()));
      transaction.recipientArguments.add(command.argument);
    }
  }
}
