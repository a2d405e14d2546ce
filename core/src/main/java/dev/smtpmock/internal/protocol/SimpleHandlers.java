package dev.smtpmock.internal.protocol;

import dev.smtpmock.scenario.Reply;

/** The verbs whose default behaviour is a fixed reply: RSET, NOOP, VRFY, EXPN, HELP, QUIT. */
final class SimpleHandlers {
  private SimpleHandlers() {}

  static final CommandHandler RSET =
      new CommandHandler() {
        @Override
        public Reply check(SmtpConnection session, Command command) {
          return command.hasArgument() ? Replies.noArgument("RSET") : null;
        }

        @Override
        public Reply answer(SmtpConnection session, Command command) {
          return Replies.OK;
        }

        @Override
        public void apply(SmtpConnection session, Command command, Reply reply) {
          if (reply != null && reply.isPositive()) {
            session.endTransaction();
          }
        }
      };

  static final CommandHandler NOOP = fixed(Replies.OK);

  static final CommandHandler VRFY =
      new CommandHandler() {
        @Override
        public Reply check(SmtpConnection session, Command command) {
          return command.hasArgument() ? null : Replies.VRFY_SYNTAX;
        }

        @Override
        public Reply answer(SmtpConnection session, Command command) {
          return Replies.vrfy(command.argument);
        }
      };

  /** Postfix implements neither EXPN nor HELP; they are still events that rules can answer. */
  static final CommandHandler NOT_RECOGNIZED = fixed(Replies.NOT_RECOGNIZED);

  static final CommandHandler QUIT =
      new CommandHandler() {
        @Override
        public Reply check(SmtpConnection session, Command command) {
          return null;
        }

        @Override
        public Reply answer(SmtpConnection session, Command command) {
          return Replies.BYE;
        }

        @Override
        public void apply(SmtpConnection session, Command command, Reply reply) {
          if (reply != null && reply.code() == 221) {
            session.quit();
          }
        }
      };

  private static CommandHandler fixed(Reply reply) {
    return new CommandHandler() {
      @Override
      public Reply check(SmtpConnection session, Command command) {
        return null;
      }

      @Override
      public Reply answer(SmtpConnection session, Command command) {
        return reply;
      }
    };
  }
}
