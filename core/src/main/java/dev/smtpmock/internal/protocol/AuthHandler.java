package dev.smtpmock.internal.protocol;

import dev.smtpmock.internal.rules.Occurrence;
import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Extension;
import dev.smtpmock.scenario.Reply;

/**
 * AUTH (RFC 4954): the AUTH line and the responses that follow. The {@code auth} event occurs when
 * the exchange is complete, where the default would answer 235 or 535 (SPEC 2.3).
 */
final class AuthHandler implements CommandHandler {
  private static final Reply FAILED = Replies.authFailed("authentication failure");

  @Override
  public void handle(Command command, CommandContext session) {
    Reply refusal = check(session.state(), command);
    if (refusal != null) {
      session.reply(refusal);
      return;
    }
    String[] parts = command.argument.split(" +", 2);
    String initial = parts.length > 1 ? parts[1] : null;
    SaslExchange sasl =
        SaslExchange.of(
            parts[0],
            session.state().settings(),
            session.transcript().id() + "." + System.nanoTime());
    if (sasl == null) {
      complete(session, command, parts[0], null, Replies.AUTH_UNKNOWN_MECHANISM);
      return;
    }
    if ("*".equals(initial)) {
      session.reply(Replies.AUTH_ABORTED);
      return;
    }
    new Exchange(session, command, sasl).step(sasl.begin(initial));
  }

  private static Reply check(SessionState state, Command command) {
    if (!state.settings().advertises(Extension.AUTH)) {
      return Replies.AUTH_NOT_ENABLED;
    }
    if (state.user() != null) {
      return Replies.ALREADY_AUTHENTICATED;
    }
    if (!command.hasArgument()) {
      return Replies.AUTH_SYNTAX;
    }
    if (state.transaction() != null) {
      return Replies.AUTH_IN_TRANSACTION;
    }
    return null;
  }

  private static void complete(
      CommandContext session, Command command, String mechanism, String user, Reply byDefault) {
    Occurrence occurrence = session.state().occurrence(Event.AUTH, mechanism, command.line, null);
    session
        .door()
        .enter(
            occurrence,
            () -> byDefault,
            reply -> {
              if (reply != null && reply.code() == 235) {
                session.state().authenticated(user != null ? user : "");
                session.transcript().user(user != null ? user : "");
              }
            });
  }

  /** One exchange after its AUTH line: challenges, and the client's responses to them. */
  private record Exchange(CommandContext session, Command command, SaslExchange sasl)
      implements CommandContext.LineReader {
    @Override
    public void line(String line) {
      if (line.equals("*")) {
        session.reply(Replies.AUTH_ABORTED);
        return;
      }
      step(sasl.respond(line));
    }

    void step(SaslExchange.Step step) {
      if (step instanceof SaslExchange.Challenge c) {
        session.reply(Replies.authChallenge(c.base64()));
        session.readLine(this);
      } else if (step instanceof SaslExchange.Done d) {
        complete(
            session, command, sasl.mechanism(), d.user(), d.passed() ? Replies.AUTH_OK : FAILED);
      } else {
        session.reply(Replies.AUTH_CANNOT_DECODE);
      }
    }
  }
}
