package dev.smtpmock;

import dev.smtpmock.internal.message.ParsedMessageView;
import dev.smtpmock.internal.store.EpochNanos;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A message as the server captured it (SPEC 4.3): envelope, data as received (dot-unstuffed) and
 * how it ended. Immutable.
 */
public final class ReceivedMessage {

  /** How a message ended. */
  public enum Status {
    /** Answered with a 2xx at the end of the data. */
    ACCEPTED,
    /** Answered with anything else at the end of the data. */
    REJECTED,
    /** A fault or a close came before the reply to the end of the data. */
    INCOMPLETE;
  }

  /**
   * A recipient, the parameters of its RCPT command (e.g. {@code NOTIFY}), and what the end of the
   * data did for it: under LMTP each recipient's own reply and status (SPEC 8), under SMTP the
   * message's. {@code reply} and {@code status} are null only while the message is being received.
   */
  public record Recipient(
      String address, Map<String, String> parameters, String reply, Status status) {
    public Recipient {
      parameters = Map.copyOf(parameters);
    }

    /** A recipient accepted by RCPT, whose message has not ended yet. */
    public Recipient(String address, Map<String, String> parameters) {
      this(address, parameters, null, null);
    }

    /** This recipient with the outcome of the end of the data. */
    public Recipient ended(String reply, Status status) {
      return new Recipient(address, parameters, reply, status);
    }
  }

  /** A header field as it appears in the data, its value unfolded but not decoded. */
  public record Header(String name, String value) {}

  private final String id;
  private final String sessionId;
  private final int connection;
  private final long sequence;
  private final Status status;
  private final String reply;
  private final String sender;
  private final Map<String, String> senderParameters;
  private final List<Recipient> recipients;
  private final byte[] data;
  private final long size;
  private final boolean truncated;
  private final long receivedAt; // EpochNanos
  // Parsed on first use: most captured messages are never looked into.
  private volatile List<Header> headers;

  /**
   * Made by the server only, which hands over {@code data} and never touches it again: copying it
   * here would allocate every captured message twice.
   *
   * @param size the size of the data as received, which exceeds {@code data.length} when the data
   *     was truncated past the size limit
   */
  public ReceivedMessage(
      String id,
      String sessionId,
      int connection,
      long sequence,
      Status status,
      String reply,
      String sender,
      Map<String, String> senderParameters,
      List<Recipient> recipients,
      byte[] data,
      long size,
      boolean truncated,
      Instant receivedAt) {
    this.id = Objects.requireNonNull(id);
    this.sessionId = sessionId;
    this.connection = connection;
    this.sequence = sequence;
    this.status = status;
    this.reply = reply;
    this.sender = sender;
    this.senderParameters = Map.copyOf(senderParameters);
    this.recipients = List.copyOf(recipients);
    this.data = data;
    this.size = size;
    this.truncated = truncated;
    this.receivedAt = EpochNanos.of(receivedAt);
  }

  /**
   * The id in "queued as &lt;id&gt;": 12 upper-case hex digits, unique in the server's lifetime.
   */
  public String id() {
    return id;
  }

  public String sessionId() {
    return sessionId;
  }

  /** The number of the connection that sent it, 1 for the first since start or reset. */
  public int connection() {
    return connection;
  }

  /** Increases in the order the final replies were handed to the transport. */
  public long sequence() {
    return sequence;
  }

  public Status status() {
    return status;
  }

  /** The reply to the end of the data, or null for an incomplete message. */
  public String reply() {
    return reply;
  }

  /** The MAIL FROM address without angle brackets; empty for the null sender. */
  public String sender() {
    return sender;
  }

  public Map<String, String> senderParameters() {
    return senderParameters;
  }

  public List<Recipient> recipients() {
    return recipients;
  }

  /** The recipients' addresses, in RCPT order. */
  public List<String> recipientAddresses() {
    return recipients.stream().map(Recipient::address).toList();
  }

  /** The data as received, dot-unstuffed; a copy. */
  public byte[] data() {
    return data.clone();
  }

  /** The data decoded as UTF-8 (with replacement), for assertions. */
  public String dataAsString() {
    return new String(data, StandardCharsets.UTF_8);
  }

  /** The size of the data as received, in bytes. */
  public long size() {
    return size;
  }

  /** True when the data passed the size limit and only its start was kept. */
  public boolean truncated() {
    return truncated;
  }

  public Instant receivedAt() {
    return EpochNanos.instant(receivedAt);
  }

  public List<Header> headers() {
    List<Header> parsed = headers;
    if (parsed == null) {
      parsed =
          new ParsedMessageView(data)
              .headers().stream().map(h -> new Header(h.name(), h.value().strip())).toList();
      headers = parsed;
    }
    return parsed;
  }

  /** The first value of the header (name case-insensitive), or null. */
  public String header(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (Header h : headers()) {
      if (h.name().toLowerCase(Locale.ROOT).equals(wanted)) {
        return h.value();
      }
    }
    return null;
  }

  /** Every value of the header (name case-insensitive). */
  public List<String> headerValues(String name) {
    List<String> values = new ArrayList<>();
    for (Header h : headers()) {
      if (h.name().equalsIgnoreCase(name)) {
        values.add(h.value());
      }
    }
    return values;
  }

  /** The raw, unfolded Subject, or null. */
  public String subject() {
    return header("Subject");
  }

  /** The data after the first blank line, decoded as UTF-8 with replacement. */
  public String body() {
    return new ParsedMessageView(data).body();
  }

  @Override
  public String toString() {
    return "ReceivedMessage["
        + id
        + " "
        + status
        + " from=<"
        + sender
        + "> to="
        + recipientAddresses()
        + " subject="
        + subject()
        + " size="
        + size
        + "]";
  }
}
