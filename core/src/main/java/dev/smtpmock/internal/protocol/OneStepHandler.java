package dev.smtpmock.internal.protocol;

import dev.smtpmock.scenario.Reply;

/**
 * A verb whose command line is its occurrence, in the steps of SPEC 2.5: syntax and sequence check,
 * then the rules (at the door), then the default reply, and the effect any reply has.
 */
interface OneStepHandler extends CommandHandler {
  @Override
  default void handle(Command command, CommandContext session) {
    SessionState state = session.state();
    Reply refusal = check(state, command);
    if (refusal != null) {
      session.reply(refusal);
      return;
    }
    session
        .door()
        .enter(
            state.occurrence(command, matchText(command)),
            () -> answer(state, command),
            reply -> apply(session, command, reply));
  }

  /**
   * The syntax and sequence check: a reply here answers the command, and no rule sees it (SPEC
   * 2.3); null lets it through.
   */
  default Reply check(SessionState state, Command command) {
    return null;
  }

  /** The default reply, policy included, when no rule answered. */
  Reply answer(SessionState state, Command command);

  /**
   * What a reply does to the session (SPEC 2.5), the same for a rule's reply as for the default;
   * {@code reply} is null after {@code raw}, which changes nothing.
   */
  default void apply(CommandContext session, Command command, Reply reply) {}

  /** What a rule's {@code match} sees. */
  default String matchText(Command command) {
    return command.argument;
  }
}
