package dev.smtpmock.internal.protocol;

import dev.smtpmock.scenario.Event;
import java.util.Locale;

/** The commands the server knows, each with the event it is an occurrence of. */
enum Verb {
  HELO(Event.HELO),
  EHLO(Event.EHLO),
  MAIL(Event.MAIL),
  RCPT(Event.RCPT),
  DATA(Event.DATA),
  BDAT(Event.BDAT),
  RSET(Event.RSET),
  NOOP(Event.NOOP),
  VRFY(Event.VRFY),
  EXPN(Event.EXPN),
  HELP(Event.HELP),
  QUIT(Event.QUIT),
  STARTTLS(Event.STARTTLS),
  AUTH(Event.AUTH);

  final Event event;

  Verb(Event event) {
    this.event = event;
  }

  /** The verb of a command line's first word, or null for an unknown one. */
  static Verb of(String word) {
    try {
      return valueOf(word.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }
}
