package dev.smtpmock.internal.protocol;

import dev.smtpmock.internal.rules.Occurrence;
import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Extension;
import dev.smtpmock.scenario.Reply;

/**
 * AUTH (RFC 4954): the AUTH line and the responses that follow. The {@code auth} event occurs when
 * the exchange is complete, where the default would answer 235 or 535 (SPEC 2.3).
 */
final class AuthExchange {
  private static final Reply FAILED = Replies.authFailed("authentication failure");

  private final SmtpConnection session;
  private Command command;
  private SaslExchange sasl;

  AuthExchange(SmtpConnection session) {
    this.session = session;
  }

  void command(Command command) {
    Reply refusal = check(command);
    if (refusal != null) {
      session.reply(refusal);
      return;
    }
    this.command = command;
    String[] parts = command.argument.split(" +", 2);
    String initial = parts.length > 1 ? parts[1] : null;
    sasl =
        SaslExchange.of(
            parts[0], session.settings(), session.transcript().id() + "." + System.nanoTime());
    if (sasl == null) {
      complete(parts[0], null, Replies.AUTH_UNKNOWN_MECHANISM);
      return;
    }
    if ("*".equals(initial)) {
      session.reply(Replies.AUTH_ABORTED);
      return;
    }
    step(sasl.begin(initial));
  }

  private Reply check(Command command) {
    if (!session.settings().advertises(Extension.AUTH)) {
      return Replies.AUTH_NOT_ENABLED;
    }
    if (session.user() != null) {
      return Replies.ALREADY_AUTHENTICATED;
    }
    if (!command.hasArgument()) {
      return Replies.AUTH_SYNTAX;
    }
    if (session.transaction() != null) {
      return Replies.AUTH_IN_TRANSACTION;
    }
    return null;
  }

  /** A response line of the client's, after a 334. */
  void respond(String line) {
    if (line.equals("*")) {
      session.reply(Replies.AUTH_ABORTED);
      return;
    }
    step(sasl.respond(line));
  }

  private void step(SaslExchange.Step step) {
    if (step instanceof SaslExchange.Challenge c) {
      session.reply(Replies.authChallenge(c.base64()));
      session.expectAuthResponse();
    } else if (step instanceof SaslExchange.Done d) {
      complete(sasl.mechanism(), d.user(), d.passed() ? Replies.AUTH_OK : FAILED);
    } else {
      session.reply(Replies.AUTH_CANNOT_DECODE);
    }
  }

  private void complete(String mechanism, String user, Reply byDefault) {
    Occurrence occurrence = session.occurrence(Event.AUTH, mechanism, command.line);
    session.respond(
        occurrence,
        session.rules().evaluate(occurrence),
        () -> byDefault,
        reply -> {
          if (reply != null && reply.code() == 235) {
            session.authenticated(user != null ? user : "");
          }
        });
  }
}
