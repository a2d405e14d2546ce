package dev.smtpmock.internal.protocol;

import dev.smtpmock.scenario.Reply;

/** DATA: after a 354, the message data follows. */
final class DataHandler implements OneStepHandler {
  @Override
  public Reply check(SessionState session, Command command) {
    if (session.chunking()) {
      return Replies.DATA_AFTER_BDAT;
    }
    if (session.transaction() != null && command.hasArgument()) {
      return Replies.noArgument("DATA");
    }
    return Transaction.readyForData(session.transaction());
  }

  @Override
  public Reply answer(SessionState session, Command command) {
    return Replies.START_DATA;
  }

  @Override
  public void apply(CommandContext session, Command command, Reply reply) {
    if (reply != null && reply.code() == 354) {
      session.messages().startData();
    }
  }
}
