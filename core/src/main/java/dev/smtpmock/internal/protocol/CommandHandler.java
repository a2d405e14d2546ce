package dev.smtpmock.internal.protocol;

import dev.smtpmock.scenario.Reply;

/**
 * The default behaviour of one verb, in the steps of SPEC 2.5: syntax and sequence check, then
 * (after the rules) the default reply, and the effect any reply has on the session.
 */
interface CommandHandler {
  /**
   * The syntax and sequence check: a reply here answers the command, and no rule sees it (SPEC
   * 2.3); null lets it through.
   */
  Reply check(SmtpConnection session, Command command);

  /** The default reply, policy included, when no rule answered. */
  Reply answer(SmtpConnection session, Command command);

  /**
   * What a reply does to the session (SPEC 2.5), the same for a rule's reply as for the default;
   * {@code reply} is null after {@code raw}, which changes nothing.
   */
  default void apply(SmtpConnection session, Command command, Reply reply) {}

  /** What a rule's {@code match} sees. */
  default String matchText(Command command) {
    return command.argument;
  }
}
