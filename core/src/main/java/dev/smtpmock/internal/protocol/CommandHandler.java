package dev.smtpmock.internal.protocol;

/**
 * Handles one verb's command line. Most verbs are one step ({@link OneStepHandler}); AUTH and BDAT
 * read more input (responses, a chunk) before their occurrence.
 */
interface CommandHandler {
  void handle(Command command, CommandContext session);
}
