package dev.smtpmock.internal.protocol;

import dev.smtpmock.scenario.Extension;
import dev.smtpmock.scenario.Reply;
import dev.smtpmock.scenario.ServerSettings;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** MAIL FROM: opens a transaction; checks the envelope parameters of SIZE, 8BITMIME, DSN, … */
final class MailHandler implements OneStepHandler {
  private static final String PREFIX = "FROM:";

  @Override
  public Reply check(SessionState session, Command command) {
    // Postfix's order: nested before chunking
    if (session.transaction() != null) {
      return Replies.NESTED_MAIL;
    }
    if (session.chunking()) {
      return Replies.MAIL_AFTER_BDAT;
    }
    if (!command.argument.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return Replies.MAIL_SYNTAX;
    }
    Address.Parsed parsed = Address.parse(command.argument.substring(PREFIX.length()));
    if (parsed.problem() == Address.Problem.MISSING) {
      return Replies.MAIL_SYNTAX;
    }
    if (parsed.problem() == Address.Problem.MALFORMED) {
      return Replies.BAD_SENDER;
    }
    Address address = parsed.address();
    ServerSettings settings = session.settings();
    Set<String> seen = new HashSet<>();
    for (Address.Parameter param : address.given()) {
      Reply refusal = checkParameter(settings, param, !seen.add(param.key()));
      if (refusal != null) {
        return refusal;
      }
    }
    if (!address.isAscii() && !address.parameters().containsKey("SMTPUTF8")) {
      return Replies.NON_ASCII_ADDRESS;
    }
    command.address = address;
    return null;
  }

  /** Postfix's checks, one parameter at a time in the order given. */
  private static Reply checkParameter(
      ServerSettings settings, Address.Parameter param, boolean repeated) {
    String key = param.key();
    Extension needed =
        switch (key) {
          case "SIZE" -> Extension.SIZE;
          case "BODY" -> Extension.EIGHTBITMIME;
          case "SMTPUTF8" -> Extension.SMTPUTF8;
          case "RET", "ENVID" -> Extension.DSN;
          case "AUTH" -> Extension.AUTH;
          default -> null;
        };
    boolean dsn = needed == Extension.DSN;
    if (needed == null || !settings.advertises(needed) || (dsn && !param.hasValue())) {
      return Replies.unsupportedOption(param.raw());
    }
    if (dsn) {
      return DsnParameters.check(param, repeated);
    }
    if (key.equals("SIZE") && !param.value().matches("[0-9]{1,18}")) {
      return Replies.BAD_SIZE;
    }
    if (key.equals("BODY") && !param.value().toUpperCase(Locale.ROOT).matches("7BIT|8BITMIME")) {
      return Replies.unsupportedOption(param.raw());
    }
    return null;
  }

  @Override
  public Reply answer(SessionState session, Command command) {
    ServerSettings settings = session.settings();
    if (settings.tls().required() && !session.tls()) {
      return Replies.TLS_REQUIRED;
    }
    if (settings.auth().required() && session.user() == null) {
      return Replies.AUTH_REQUIRED;
    }
    String size = (command.address).parameters().get("SIZE");
    long limit = settings.maxMessageSize();
    if (size != null && limit > 0 && Long.parseLong(size) > limit) {
      return Replies.SIZE_DECLARED_TOO_BIG;
    }
    return Replies.MAIL_OK;
  }

  @Override
  public void apply(CommandContext session, Command command, Reply reply) {
    if (reply != null && reply.isPositive()) {
      Address address = command.address;
      session
          .state()
          .openTransaction(
              new Transaction(
                  address.address(),
                  address.parameters(),
                  address.parameters().containsKey("SMTPUTF8")));
    } else {
      session.state().transactionNotOpened();
    }
  }
}
