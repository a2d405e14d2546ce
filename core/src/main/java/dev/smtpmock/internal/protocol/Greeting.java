package dev.smtpmock.internal.protocol;

import dev.smtpmock.scenario.Event;

/** The connect occurrence and its reply, the greeting. */
final class Greeting {
  private Greeting() {}

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
            state.occurrence(Event.CONNECT, null, null, null),
            () -> Replies.greeting(settings.hostname(), settings.greeting()),
            reply -> {
              if (reply != null && reply.code() == 554) {
                state.refuseService();
              }
            });
  }
}
