package dev.smtpmock.internal.protocol;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.ReceivedMessage.Status;
import dev.smtpmock.internal.message.ParsedMessageView;
import dev.smtpmock.internal.rules.AfterBytesWatch;
import dev.smtpmock.internal.rules.Occurrence;
import dev.smtpmock.scenario.Event;
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
    store(message, status, session.lastWritten(), session.state().transaction());
    session.state().endTransaction();
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
    if (incomplete != null) {
      store(incomplete, Status.INCOMPLETE, null, transaction);
    }
    pending = null;
    data = null;
  }

  private void store(PendingMessage message, Status status, String reply, Transaction t) {
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
                    t != null ? t.recipients : List.of(),
                    message.data(),
                    message.size(),
                    message.truncated(),
                    Instant.now()));
  }
}
