package dev.smtpmock.internal.protocol;

import dev.smtpmock.scenario.Extension;
import dev.smtpmock.scenario.Reply;

/** STARTTLS (RFC 3207): after the 220, the handshake; the session starts afresh. */
final class StartTlsHandler implements OneStepHandler {
  @Override
  public Reply check(SessionState session, Command command) {
    // Postfix's order: under TLS, implicit TLS included, 554 comes before the 502
    if (session.tls()) {
      return Replies.TLS_ACTIVE;
    }
    if (!session.settings().advertises(Extension.STARTTLS) || session.settings().tls().implicit()) {
      return Replies.NOT_IMPLEMENTED;
    }
    if (command.hasArgument()) {
      return Replies.noArgument("STARTTLS");
    }
    return null;
  }

  @Override
  public Reply answer(SessionState session, Command command) {
    return Replies.READY_FOR_TLS;
  }

  @Override
  public void apply(CommandContext session, Command command, Reply reply) {
    if (reply != null && reply.code() == 220) {
      session.startTls();
    }
  }
}
