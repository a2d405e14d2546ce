package dev.smtpmock.internal.protocol;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.ReceivedMessage.Recipient;
import dev.smtpmock.ReceivedMessage.Status;
import dev.smtpmock.internal.message.ParsedMessageView;
import dev.smtpmock.internal.rules.AfterBytesWatch;
import dev.smtpmock.internal.rules.Occurrence;
import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Protocol;
import dev.smtpmock.scenario.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A message from its data to the store: reads DATA as it streams in, lets after-bytes rules strike
 * at their exact byte, answers the end of the data and keeps the message (accepted, rejected, or
 * incomplete when the connection ends first).
 */
final class MessageIntake implements CommandContext.ByteReader {
  private final CommandContext session;
  private final DataReader reader = new DataReader();
  // The reader while a message's data is being read, else null.
  private DataReader data;
  private AfterBytesWatch watch;
  private PendingMessage pending;
  // LMTP: the recipients' replies under way at the end of the data, else null.
  private Deliveries deliveries;

  MessageIntake(CommandContext session) {
    this.session = session;
  }

  /** A 354 was given: the data follows. */
  void startData() {
    session.readBytes(this);
    data = reader;
    data.start(session.state().settings().maxMessageSize());
    watch = watch();
  }

  @Override
  public boolean step(InputBuffer input) {
    if (input.isEmpty()) {
      return false;
    }
    OccurrenceDoor door = session.door();
    int max = input.available();
    long threshold = door.nextThreshold(watch);
    if (threshold > 0) {
      max = (int) Math.min(max, threshold - data.wireBytes());
    }
    input.skip(data.read(input.array(), input.offset(), max));
    if (data.takeLineEnded()) {
      session.activity();
    }
    long bytes = data.wireBytes();
    if (watch != null && !data.ended() && door.bytesArrived(watch, bytes, () -> struck(bytes))) {
      return true;
    }
    if (data.ended()) {
      dataEnded();
    }
    return true;
  }

  /** Starts watching a message's data for after-bytes rules; null when there are none. */
  AfterBytesWatch watch() {
    return session.door().watch(session.state().occurrence(Event.MESSAGE, null, null, null));
  }

  /**
   * An after-bytes rule struck mid-data: the message can only end incomplete, and what the client
   * sends meanwhile is read and dropped.
   */
  void struck(long bytes) {
    session.transcript().client("(" + bytes + " bytes of message data)");
    session.discardFromNow();
  }

  private void dataEnded() {
    session.door().dataEnded(watch);
    session.transcript().client("(message data: " + data.size() + " bytes)");
    session.readCommands();
    PendingMessage message = message(data.data(), data.size(), data.overLimit());
    data = null;
    watch = null;
    ended(message, null, () -> Replies.queued(message.id()));
  }

  /**
   * The end of a message's data (the final dot, or BDAT LAST): the message occurrence, then its
   * final reply. {@code lastChunk} is the bdat occurrence of BDAT LAST, or null; {@code queued} is
   * the default reply when the message fits.
   */
  void ended(PendingMessage message, Occurrence lastChunk, Supplier<Reply> queued) {
    pending = message;
    Occurrence occurrence =
        session
            .state()
            .occurrence(
                Event.MESSAGE, null, null, new ParsedMessageView(message.data(), message.size()));
    if (session.state().settings().protocol() == Protocol.LMTP) {
      deliveries = new Deliveries(session, message);
      deliveries.start(occurrence, lastChunk);
      return;
    }
    Supplier<Reply> builtIn = () -> message.truncated() ? Replies.DATA_TOO_BIG : queued.get();
    Consumer<Reply> effect = reply -> finish(message, reply);
    if (lastChunk == null) {
      session.door().enter(occurrence, builtIn, effect);
    } else {
      session.door().enterLastChunk(lastChunk, occurrence, builtIn, effect);
    }
  }

  PendingMessage message(byte[] bytes, long size, boolean truncated) {
    return new PendingMessage(session.server().nextMessageId(), bytes, size, truncated);
  }

  /** The id of the message awaiting its final reply, for {@code {id}}; null when none. */
  String pendingId() {
    return pending != null ? pending.id() : null;
  }

  /** Any reply to the end of the data ends the transaction; only a 2xx (not raw) accepts. */
  private void finish(PendingMessage message, Reply reply) {
    if (pending != message) {
      return;
    }
    pending = null;
    Status status = reply != null && reply.isPositive() ? Status.ACCEPTED : Status.REJECTED;
    Transaction t = session.state().transaction();
    String written = session.lastWritten();
    store(message, status, written, t, outcomes(t, written, status));
    session.state().endTransaction();
  }

  /**
   * LMTP: every recipient was answered (SPEC 8). The message is stored once, accepted when one
   * recipient is at least, with the first recipient's reply as its own.
   */
  void delivered(PendingMessage message, List<Recipient> outcomes) {
    if (pending != message) {
      return;
    }
    pending = null;
    deliveries = null;
    Status status = anyAccepted(outcomes) ? Status.ACCEPTED : Status.REJECTED;
    store(message, status, outcomes.get(0).reply(), session.state().transaction(), outcomes);
    session.state().endTransaction();
  }

  private static boolean anyAccepted(List<Recipient> outcomes) {
    return outcomes.stream().anyMatch(r -> r.status() == Status.ACCEPTED);
  }

  /** Under SMTP every recipient's reply and status are the message's. */
  private static List<Recipient> outcomes(Transaction t, String reply, Status status) {
    return t == null ? List.of() : t.recipients.stream().map(r -> r.ended(reply, status)).toList();
  }

  /** The connection ended: a message not yet answered is kept as incomplete. */
  void connectionClosed(Transaction transaction) {
    PendingMessage incomplete = pending;
    if (incomplete == null && data != null) {
      incomplete = message(data.data(), data.size(), data.overLimit());
    } else if (incomplete == null && transaction != null && transaction.chunks != null) {
      incomplete =
          message(
              transaction.chunks.toByteArray(),
              transaction.chunkBytes,
              transaction.chunksOverLimit);
    }
    if (incomplete != null && deliveries != null) {
      List<Recipient> outcomes = deliveries.soFar();
      Status status = anyAccepted(outcomes) ? Status.ACCEPTED : Status.INCOMPLETE;
      store(incomplete, status, outcomes.get(0).reply(), transaction, outcomes);
    } else if (incomplete != null) {
      store(
          incomplete,
          Status.INCOMPLETE,
          null,
          transaction,
          outcomes(transaction, null, Status.INCOMPLETE));
    }
    pending = null;
    deliveries = null;
    data = null;
  }

  private void store(
      PendingMessage message,
      Status status,
      String reply,
      Transaction t,
      List<Recipient> recipients) {
    var transcript = session.transcript();
    session
        .server()
        .messages()
        .add(
            sequence ->
                new ReceivedMessage(
                    message.id(),
                    transcript.id(),
                    transcript.connection(),
                    sequence,
                    status,
                    reply,
                    t != null ? t.sender : "",
                    t != null ? t.senderParameters : Map.of(),
                    recipients,
                    message.data(),
                    message.size(),
                    message.truncated(),
                    Instant.now()));
  }
}
