package dev.smtpmock.internal.rules;

import dev.smtpmock.internal.message.MessageView;
import dev.smtpmock.scenario.Event;
import java.util.Objects;

/**
 * One occurrence of an event (SPEC 2.3).
 *
 * @param event a command's own event, {@code CONNECT} or {@code MESSAGE}; never {@code ANY}, since
 *     {@code any} rules see every command occurrence by themselves
 * @param matchText what {@code match} sees (SPEC 2.4): for mail/rcpt the argument as sent, for
 *     helo/ehlo the domain, for auth the mechanism, for vrfy/expn/help the argument, for unknown
 *     the whole line; may be null
 * @param commandLine the whole command line, which {@code any} rules match; null for connect and
 *     message
 * @param sender the transaction's MAIL FROM address (on mail: that command's), or null
 * @param recipient this RCPT's address (rcpt only), else null
 * @param inTransaction whether the occurrence lies inside a transaction; a MAIL is inside the one
 *     it would open, whatever its reply
 * @param message the data, for {@code MESSAGE}; else null
 */
public record Occurrence(
    Event event,
    String matchText,
    String commandLine,
    String sender,
    String recipient,
    boolean inTransaction,
    boolean tls,
    boolean authenticated,
    MessageView message) {

  public Occurrence {
    Objects.requireNonNull(event, "event");
    if (event == Event.ANY) {
      throw new IllegalArgumentException("an occurrence has its command's own event, never ANY");
    }
  }
}
