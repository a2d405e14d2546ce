package dev.smtpmock.internal.protocol;

/**
 * After a 554 greeting, a command gets 503 and is seen by no rule (SPEC 2.3, RFC 5321 section 3.1);
 * wraps every handler but QUIT's, which ends such a session as any other, and BDAT's, which reads
 * its chunk first.
 */
record NoService(CommandHandler handler) implements CommandHandler {
  @Override
  public void handle(Command command, CommandContext session) {
    if (session.state().serviceRefused()) {
      session.reply(Replies.NO_SERVICE);
    } else {
      handler.handle(command, session);
    }
  }
}
