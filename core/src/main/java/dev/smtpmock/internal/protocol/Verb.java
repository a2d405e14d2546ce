package dev.smtpmock.internal.protocol;

import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Protocol;
import java.util.Locale;

/** The commands the server knows, each with the event it is an occurrence of. */
enum Verb {
  HELO(Event.HELO),
  EHLO(Event.EHLO),
  /** LMTP's EHLO (RFC 2033 section 4.1); rules see it as ehlo. */
  LHLO(Event.EHLO),
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

  /** Whether the verb is a command of the protocol: HELO and EHLO are SMTP's, LHLO LMTP's. */
  boolean belongsTo(Protocol protocol) {
    return switch (this) {
      case HELO, EHLO -> protocol == Protocol.SMTP;
      case LHLO -> protocol == Protocol.LMTP;
      default -> true;
    };
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
