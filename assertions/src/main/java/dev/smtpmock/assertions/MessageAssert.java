package dev.smtpmock.assertions;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a captured message: envelope, headers and body. Subject and body are compared
 * decoded (RFC 2047, transfer encoding and charset); the {@code hasRaw…} assertions compare the
 * bytes as sent. Failures quote the message.
 */
public final class MessageAssert extends AbstractAssert<MessageAssert, CapturedMessage> {
  private MimeView mime;

  MessageAssert(CapturedMessage actual) {
    super(actual, MessageAssert.class);
  }

  /** The status: {@code ReceivedMessage.Status} or {@code SmtpMockClient.Message.Status}. */
  public MessageAssert hasStatus(Enum<?> status) {
    isNotNull();
    if (!actual.status().name().equals(status.name())) {
      failComparing(
          "to have status "
              + status
              + ", but it is "
              + actual.status()
              + " (reply "
              + actual.reply()
              + ")",
          status.name(),
          actual.status().name());
    }
    return this;
  }

  /** Answered with 2xx at the end of the data. */
  public MessageAssert isAccepted() {
    isNotNull();
    if (!actual.status().name().equals("ACCEPTED")) {
      failComparing(
          "to have status ACCEPTED, but it is "
              + actual.status()
              + " (reply "
              + actual.reply()
              + ")",
          "ACCEPTED",
          actual.status().name());
    }
    return this;
  }

  /** The MAIL FROM address, without angle brackets; empty for the null sender. */
  public MessageAssert hasSender(String sender) {
    isNotNull();
    if (!Objects.equals(actual.sender(), sender)) {
      failComparing(
          "to have sender <" + sender + ">, but it has <" + actual.sender() + ">",
          sender,
          actual.sender());
    }
    return this;
  }

  /** Exactly these recipients (the accepted RCPTs), in this order. */
  public MessageAssert hasRecipients(String... recipients) {
    isNotNull();
    List<String> expected = Arrays.asList(recipients);
    List<String> addresses = actual.recipientAddresses();
    if (!addresses.equals(expected)) {
      failComparing(
          "to have recipients " + expected + ", but it has " + addresses, expected, addresses);
    }
    return this;
  }

  /** This recipient among others. */
  public MessageAssert hasRecipient(String recipient) {
    isNotNull();
    if (!actual.recipientAddresses().contains(recipient)) {
      fail("to have recipient " + recipient + ", but it has " + actual.recipientAddresses());
    }
    return this;
  }

  /**
   * What the end of the data did for this recipient: under LMTP (one reply per recipient) its own
   * status, {@code ReceivedMessage.Status} or {@code SmtpMockClient.Message.Status}; under SMTP the
   * message's.
   */
  public MessageAssert hasRecipientStatus(String recipient, Enum<?> status) {
    isNotNull();
    CapturedMessage.Outcome outcome =
        actual.recipientOutcomes().stream()
            .filter(o -> o.address().equals(recipient))
            .findFirst()
            .orElse(null);
    if (outcome == null) {
      fail("to have recipient " + recipient + ", but it has " + actual.recipientAddresses());
    } else if (outcome.status() == null || !outcome.status().name().equals(status.name())) {
      failComparing(
          "to have recipient "
              + recipient
              + " "
              + status
              + ", but it is "
              + outcome.status()
              + " (reply "
              + outcome.reply()
              + ")",
          status.name(),
          outcome.status() == null ? null : outcome.status().name());
    }
    return this;
  }

  /** The Subject, decoded (RFC 2047): {@code =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=} is "Grüße". */
  public MessageAssert hasSubject(String subject) {
    isNotNull();
    String decoded = mime().subject();
    if (!Objects.equals(decoded, subject)) {
      failComparing(
          "to have subject " + quoteOrNone(subject) + ", but it has " + quoteOrNone(decoded),
          subject,
          decoded);
    }
    return this;
  }

  /** The Subject as sent: unfolded, not decoded. */
  public MessageAssert hasRawSubject(String subject) {
    isNotNull();
    if (!Objects.equals(actual.subject(), subject)) {
      failComparing(
          "to have the raw subject "
              + quoteOrNone(subject)
              + ", but it has "
              + quoteOrNone(actual.subject()),
          subject,
          actual.subject());
    }
    return this;
  }

  /** A header of this name (case-insensitive) is present. */
  public MessageAssert hasHeader(String name) {
    isNotNull();
    if (actual.headerValues(name).isEmpty()) {
      fail("to have a " + name + " header, but it has none");
    }
    return this;
  }

  /** Some header of this name (case-insensitive) has this value (unfolded, not decoded). */
  public MessageAssert hasHeader(String name, String value) {
    isNotNull();
    List<String> values = actual.headerValues(name);
    if (!values.contains(value)) {
      String found = values.isEmpty() ? "it has no " + name + " header" : name + " is " + values;
      failComparing(
          "to have header " + name + ": " + value + ", but " + found,
          value,
          String.join("\n", values));
    }
    return this;
  }

  public MessageAssert hasNoHeader(String name) {
    isNotNull();
    List<String> values = actual.headerValues(name);
    if (!values.isEmpty()) {
      fail("to have no " + name + " header, but it has " + values);
    }
    return this;
  }

  /**
   * The body, decoded, is this text, comparing line breaks as {@code \n} and ignoring trailing
   * ones. The body is the text/plain part, or the HTML part where the message has no plain text.
   */
  public MessageAssert hasBody(String body) {
    isNotNull();
    String decoded = normalise(body());
    if (!decoded.equals(normalise(body))) {
      failComparing("to have the body\n" + Quotes.indent(body), normalise(body), decoded);
    }
    return this;
  }

  /**
   * The decoded body (as {@link #hasBody}) contains this text, comparing line breaks as {@code \n}.
   */
  public MessageAssert hasBodyContaining(String text) {
    isNotNull();
    if (!normalise(body()).contains(normalise(text))) {
      fail("to have a body containing\n" + Quotes.indent(text) + "\nbut it does not");
    }
    return this;
  }

  /**
   * The data after the first blank line, as sent, is this text (line breaks as {@link #hasBody}).
   */
  public MessageAssert hasRawBody(String body) {
    isNotNull();
    String raw = normalise(mime().rawBody());
    if (!raw.equals(normalise(body))) {
      failComparing("to have the raw body\n" + Quotes.indent(body), normalise(body), raw);
    }
    return this;
  }

  /** The data after the first blank line, as sent, contains this text. */
  public MessageAssert hasRawBodyContaining(String text) {
    isNotNull();
    if (!normalise(mime().rawBody()).contains(normalise(text))) {
      fail("to have a raw body containing\n" + Quotes.indent(text) + "\nbut it does not");
    }
    return this;
  }

  /** The text/plain part, decoded, contains this text. */
  public MessageAssert hasTextContaining(String text) {
    isNotNull();
    return hasPartContaining("text/plain", mime().text(), text);
  }

  /** The text/html part, decoded, contains this text. */
  public MessageAssert hasHtmlContaining(String text) {
    isNotNull();
    return hasPartContaining("text/html", mime().html(), text);
  }

  private MessageAssert hasPartContaining(String type, String content, String text) {
    if (content == null || !normalise(content).contains(normalise(text))) {
      fail(
          "to have a "
              + type
              + " part containing\n"
              + Quotes.indent(text)
              + "\nbut "
              + (content == null ? "it has no " + type + " part" : "it does not"));
    }
    return this;
  }

  /** An attachment with this (decoded) file name. */
  public MessageAssert hasAttachment(String name) {
    isNotNull();
    if (mime().attachments().stream().noneMatch(a -> name.equals(a.name()))) {
      fail("to have an attachment named \"" + name + "\", but " + attachments());
    }
    return this;
  }

  /** An attachment with this (decoded) file name and content type ({@code application/pdf}). */
  public MessageAssert hasAttachment(String name, String contentType) {
    isNotNull();
    boolean found =
        mime().attachments().stream()
            .anyMatch(a -> name.equals(a.name()) && a.contentType().equalsIgnoreCase(contentType));
    if (!found) {
      fail(
          "to have an attachment named \""
              + name
              + "\" of type "
              + contentType
              + ", but "
              + attachments());
    }
    return this;
  }

  private String attachments() {
    List<MimeView.Attachment> attachments = mime().attachments();
    return attachments.isEmpty() ? "it has none" : "it has " + attachments;
  }

  private String body() {
    String text = mime().text();
    return text != null ? text : mime().html();
  }

  /** Parsed once per assertion chain, on the first assertion that reads the content. */
  private MimeView mime() {
    if (mime == null) {
      mime = MimeView.of(actual);
    }
    return mime;
  }

  private static String normalise(String text) {
    return text == null ? "" : text.replace("\r\n", "\n").stripTrailing();
  }

  private static String quoteOrNone(String value) {
    return value == null ? "none" : "\"" + value + "\"";
  }

  private String described(String expectation) {
    return "Expecting message "
        + actual.id()
        + " "
        + expectation
        + "\nmessage:\n"
        + Quotes.message(actual);
  }

  private void fail(String expectation) {
    throw Failures.of(info, described(expectation), List.of());
  }

  private void failComparing(String expectation, Object expected, Object actualValue) {
    throw Failures.comparing(info, described(expectation), expected, actualValue, List.of());
  }
}
