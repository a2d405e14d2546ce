package dev.smtpmock.internal.protocol;

import dev.smtpmock.scenario.Reply;

/** The verbs whose default behaviour is a fixed reply: RSET, NOOP, EXPN, HELP, QUIT. */
final class SimpleHandlers {
  private SimpleHandlers() {}

  static final OneStepHandler RSET =
      new OneStepHandler() {
        @Override
        public Reply check(SessionState session, Command command) {
          return command.hasArgument() ? Replies.noArgument("RSET") : null;
        }

        @Override
        public Reply answer(SessionState session, Command command) {
          return Replies.OK;
        }

        @Override
        public void apply(CommandContext session, Command command, Reply reply) {
          if (reply != null && reply.isPositive()) {
            session.state().endTransaction();
          }
        }
      };

  static final OneStepHandler NOOP = fixed(Replies.OK);

  /** Postfix implements neither EXPN nor HELP; they are still events that rules can answer. */
  static final OneStepHandler NOT_RECOGNIZED = fixed(Replies.NOT_RECOGNIZED);

  static final OneStepHandler QUIT =
      new OneStepHandler() {
        @Override
        public Reply answer(SessionState session, Command command) {
          return Replies.BYE;
        }

        @Override
        public void apply(CommandContext session, Command command, Reply reply) {
          if (reply != null && reply.code() == 221) {
            session.quit();
          }
        }
      };

  private static OneStepHandler fixed(Reply reply) {
    return new OneStepHandler() {
      @Override
      public Reply answer(SessionState session, Command command) {
        return reply;
      }
    };
  }
}
