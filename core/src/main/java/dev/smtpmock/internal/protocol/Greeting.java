package dev.smtpmock.internal.protocol;

import dev.smtpmock.internal.rules.Occurrence;
import dev.smtpmock.scenario.Event;

/** The connect occurrence and its reply, the greeting. */
final class Greeting {
  private Greeting() {}

  /**
   * Implicit TLS, when the TCP connection is accepted: true when a connect rule with fault
   * tls-failure fired, so that no handshake is to start (SPEC 2.6).
   */
  static boolean failsTlsAtAccept(CommandContext session) {
    return session.door().enterAtAccept(connect(session.state()));
  }

  /**
   * The connect occurrence; the default greets. A 554 greeting, a rule's or the default's, refuses
   * the session any service (RFC 5321 section 3.1).
   */
  static void enter(CommandContext session) {
    SessionState state = session.state();
    var settings = state.settings();
    session
        .door()
        .enter(
            connect(state),
            () -> Replies.greeting(settings.hostname(), settings.greeting()),
            reply -> {
              if (reply != null && reply.code() == 554) {
                state.refuseService();
              }
            });
  }

  private static Occurrence connect(SessionState state) {
    return state.occurrence(Event.CONNECT, null, null, null);
  }
}
