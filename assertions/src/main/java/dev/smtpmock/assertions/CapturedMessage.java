package dev.smtpmock.assertions;

import java.util.List;

/**
 * A message the server captured, as the assertions read it. Core's {@code ReceivedMessage} (through
 * {@code dev.smtpmock.junit.SmtpMockAssertions}) and the container's {@code SmtpMockClient.Message}
 * both are one, so the same assertions serve in-JVM and container tests.
 */
public interface CapturedMessage {
  /**
   * What the end of the data did for one accepted recipient: under LMTP its own reply and status,
   * under SMTP the message's. {@code status} is the side's own enum; {@code reply} is null when the
   * connection ended first.
   */
  record Outcome(String address, Enum<?> status, String reply) {}

  /** The id in "queued as &lt;id&gt;". */
  String id();

  String sessionId();

  /** {@code ACCEPTED}, {@code REJECTED} or {@code INCOMPLETE}, as the side's own enum. */
  Enum<?> status();

  /** The reply to the end of the data, or null for an incomplete message. */
  String reply();

  /** The MAIL FROM address without angle brackets; empty for the null sender. */
  String sender();

  /** The accepted recipients' addresses, in RCPT order. */
  List<String> recipientAddresses();

  /** Each accepted recipient's outcome, in RCPT order. */
  List<Outcome> recipientOutcomes();

  /** The data as received, dot-unstuffed. */
  byte[] data();

  /** Every value of the header (name case-insensitive), unfolded, not decoded. */
  List<String> headerValues(String name);

  /** The raw, unfolded Subject, or null. */
  String subject();
}
