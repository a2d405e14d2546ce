package dev.smtpmock.internal.rules;

import dev.smtpmock.internal.message.MessageView;
import dev.smtpmock.internal.message.ParsedMessageView;
import dev.smtpmock.scenario.Event;

/** Builds occurrences for the tests, with the fields a protocol engine would fill in. */
final class Occurrences {
  private Event event;
  private String matchText;
  private String commandLine;
  private String sender;
  private String recipient;
  private boolean inTransaction;
  private boolean tls;
  private boolean authenticated;
  private MessageView message;

  private Occurrences(Event event) {
    this.event = event;
  }

  static Occurrences of(Event event) {
    return new Occurrences(event);
  }

  static Occurrence connect() {
    return of(Event.CONNECT).build();
  }

  static Occurrence ehlo(String domain) {
    return of(Event.EHLO).text(domain).line("EHLO " + domain).build();
  }

  static Occurrence mail(String sender) {
    return of(Event.MAIL)
        .text("FROM:<" + sender + ">")
        .line("MAIL FROM:<" + sender + ">")
        .sender(sender)
        .inTransaction()
        .build();
  }

  static Occurrence rcpt(String sender, String recipient) {
    return of(Event.RCPT)
        .text("TO:<" + recipient + ">")
        .line("RCPT TO:<" + recipient + ">")
        .sender(sender)
        .recipient(recipient)
        .inTransaction()
        .build();
  }

  static Occurrence rcpt(String recipient) {
    return rcpt("s@example.org", recipient);
  }

  static Occurrence noop() {
    return of(Event.NOOP).line("NOOP").build();
  }

  static Occurrence rset() {
    return of(Event.RSET).line("RSET").build();
  }

  static Occurrence data() {
    return of(Event.DATA).line("DATA").sender("s@example.org").inTransaction().build();
  }

  static Occurrence message(String data) {
    return of(Event.MESSAGE)
        .sender("s@example.org")
        .inTransaction()
        .message(new ParsedMessageView(data.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .build();
  }

  Occurrences text(String matchText) {
    this.matchText = matchText;
    return this;
  }

  Occurrences line(String commandLine) {
    this.commandLine = commandLine;
    return this;
  }

  Occurrences sender(String sender) {
    this.sender = sender;
    return this;
  }

  Occurrences recipient(String recipient) {
    this.recipient = recipient;
    return this;
  }

  Occurrences inTransaction() {
    this.inTransaction = true;
    return this;
  }

  Occurrences tls(boolean tls) {
    this.tls = tls;
    return this;
  }

  Occurrences authenticated(boolean authenticated) {
    this.authenticated = authenticated;
    return this;
  }

  Occurrences message(MessageView message) {
    this.message = message;
    return this;
  }

  Occurrence build() {
    return new Occurrence(
        event,
        matchText,
        commandLine,
        sender,
        recipient,
        inTransaction,
        tls,
        authenticated,
        message);
  }
}
