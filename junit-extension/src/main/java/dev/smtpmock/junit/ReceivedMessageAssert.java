package dev.smtpmock.junit;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.ReceivedMessage.Status;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a captured message: envelope, headers and body. Failures quote the message. */
public final class ReceivedMessageAssert
    extends AbstractAssert<ReceivedMessageAssert, ReceivedMessage> {

  ReceivedMessageAssert(ReceivedMessage actual) {
    super(actual, ReceivedMessageAssert.class);
  }

  public ReceivedMessageAssert hasStatus(Status status) {
    isNotNull();
    if (actual.status() != status) {
      fail(
          "to have status "
              + status
              + ", but it is "
              + actual.status()
              + " (reply "
              + actual.reply()
              + ")");
    }
    return this;
  }

  /** Answered with 2xx at the end of the data. */
  public ReceivedMessageAssert isAccepted() {
    return hasStatus(Status.ACCEPTED);
  }

  /** The MAIL FROM address, without angle brackets; empty for the null sender. */
  public ReceivedMessageAssert hasSender(String sender) {
    isNotNull();
    if (!Objects.equals(actual.sender(), sender)) {
      fail("to have sender <" + sender + ">, but it has <" + actual.sender() + ">");
    }
    return this;
  }

  /** Exactly these recipients (the accepted RCPTs), in this order. */
  public ReceivedMessageAssert hasRecipients(String... recipients) {
    isNotNull();
    List<String> expected = Arrays.asList(recipients);
    if (!actual.recipientAddresses().equals(expected)) {
      fail("to have recipients " + expected + ", but it has " + actual.recipientAddresses());
    }
    return this;
  }

  /** This recipient among others. */
  public ReceivedMessageAssert hasRecipient(String recipient) {
    isNotNull();
    if (!actual.recipientAddresses().contains(recipient)) {
      fail("to have recipient " + recipient + ", but it has " + actual.recipientAddresses());
    }
    return this;
  }

  /** The raw, unfolded Subject. */
  public ReceivedMessageAssert hasSubject(String subject) {
    isNotNull();
    if (!Objects.equals(actual.subject(), subject)) {
      fail("to have subject \"" + subject + "\", but it has " + quoteOrNone(actual.subject()));
    }
    return this;
  }

  /** A header of this name (case-insensitive) is present. */
  public ReceivedMessageAssert hasHeader(String name) {
    isNotNull();
    if (actual.headerValues(name).isEmpty()) {
      fail("to have a " + name + " header, but it has none");
    }
    return this;
  }

  /** Some header of this name (case-insensitive) has this value (unfolded, not decoded). */
  public ReceivedMessageAssert hasHeader(String name, String value) {
    isNotNull();
    List<String> values = actual.headerValues(name);
    if (!values.contains(value)) {
      fail(
          "to have header "
              + name
              + ": "
              + value
              + ", but "
              + (values.isEmpty() ? "it has no " + name + " header" : name + " is " + values));
    }
    return this;
  }

  public ReceivedMessageAssert hasNoHeader(String name) {
    isNotNull();
    List<String> values = actual.headerValues(name);
    if (!values.isEmpty()) {
      fail("to have no " + name + " header, but it has " + values);
    }
    return this;
  }

  /**
   * The body (the data after the first blank line) is this text, comparing line breaks as {@code
   * \n} and ignoring trailing ones.
   */
  public ReceivedMessageAssert hasBody(String body) {
    isNotNull();
    if (!normalise(actual.body()).equals(normalise(body))) {
      fail("to have the body\n" + Quotes.indent(body) + "\nbut it differs");
    }
    return this;
  }

  /** The body contains this text, comparing line breaks as {@code \n}. */
  public ReceivedMessageAssert hasBodyContaining(String text) {
    isNotNull();
    if (!normalise(actual.body()).contains(normalise(text))) {
      fail("to have a body containing\n" + Quotes.indent(text) + "\nbut it does not");
    }
    return this;
  }

  private static String normalise(String text) {
    return text == null ? "" : text.replace("\r\n", "\n").stripTrailing();
  }

  private static String quoteOrNone(String value) {
    return value == null ? "none" : "\"" + value + "\"";
  }

  private void fail(String expectation) {
    failWithMessage(
        "%s",
        "Expecting message "
            + actual.id()
            + " "
            + expectation
            + "\nmessage:\n"
            + Quotes.message(actual));
  }
}
