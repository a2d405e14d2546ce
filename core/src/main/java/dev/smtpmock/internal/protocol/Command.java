package dev.smtpmock.internal.protocol;

/**
 * One command line, split into its verb and argument; {@code verb} is null for an unknown verb.
 * MAIL and RCPT attach the address their check parsed, for the occurrence and the reply's effect.
 */
final class Command {
  final String line;
  final Verb verb;
  final String argument;
  Address address;

  private Command(String line, Verb verb, String argument) {
    this.line = line;
    this.verb = verb;
    this.argument = argument;
  }

  static Command parse(String line) {
    int space = line.indexOf(' ');
    String word = space < 0 ? line : line.substring(0, space);
    String argument = space < 0 ? "" : line.substring(space + 1).strip();
    return new Command(line, Verb.of(word), argument);
  }

  boolean hasArgument() {
    return !argument.isEmpty();
  }
}
