package dev.smtpmock.internal.protocol;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.ReceivedMessage.Status;
import dev.smtpmock.internal.rules.AfterBytesWatch;
import dev.smtpmock.internal.rules.Match;
import dev.smtpmock.internal.rules.Occurrence;
import dev.smtpmock.internal.rules.ParsedMessageView;
import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Reply;
import dev.smtpmock.scenario.Rule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A message from its data to the store: reads DATA as it streams in, lets after-bytes rules strike
 * at their exact byte, answers the end of the data and keeps the message (accepted, rejected, or
 * incomplete when the connection ends first).
 */
final class MessageIntake {
  private final SmtpConnection session;
  private final DataReader reader = new DataReader();
  // The reader while a message's data is being read, else null.
  private DataReader data;
  private AfterBytesWatch watch;
  private Occurrence watchOccurrence;
  private PendingMessage pending;

  MessageIntake(SmtpConnection session) {
    this.session = session;
  }

  /** A 354 was given: the data follows. */
  void startData() {
    session.expectData();
    data = reader;
    data.start(session.settings().maxMessageSize());
    watch = watch();
  }

  boolean step(InputBuffer input) {
    if (input.isEmpty()) {
      return false;
    }
    int max = input.available();
    long threshold = watch == null ? -1 : nextThreshold(data.wireBytes());
    if (threshold > 0) {
      max = (int) Math.min(max, threshold - data.wireBytes());
    }
    input.skip(data.read(input.array(), input.offset(), max));
    if (data.takeLineEnded()) {
      session.activity();
    }
    if (watch != null && !data.ended()) {
      Match struck = watch.onBytes(data.wireBytes());
      if (struck != null) {
        afterBytes(struck, data.wireBytes());
        return true;
      }
    }
    if (data.ended()) {
      dataEnded();
    }
    return true;
  }

  /** Starts watching a message's data for after-bytes rules; null when there are none. */
  AfterBytesWatch watch() {
    watchOccurrence = session.occurrence(Event.MESSAGE, null, null);
    return session.rules().watchMessage(watchOccurrence);
  }

  /** The next after-bytes threshold above {@code bytes}, or -1, so that a rule strikes exactly. */
  long nextThreshold(long bytes) {
    long next = -1;
    for (Rule rule : session.runtime().scenario().rules()) {
      Long at = rule.matching().afterBytes();
      if (at != null && at > bytes && (next < 0 || at < next)) {
        next = at;
      }
    }
    return next;
  }

  /**
   * An after-bytes rule struck mid-data: the message can only end incomplete, and what the client
   * sends meanwhile is read and dropped.
   */
  void afterBytes(Match struck, long bytes) {
    session.transcript().client("(" + bytes + " bytes of message data)");
    session.discardFromNow();
    session.respond(watchOccurrence, struck, () -> null, reply -> {});
  }

  private void dataEnded() {
    if (watch != null) {
      watch.onEnd();
    }
    session.transcript().client("(message data: " + data.size() + " bytes)");
    session.expectCommand();
    PendingMessage message = message(data.data(), data.size(), data.overLimit());
    data = null;
    watch = null;
    ended(message, null, () -> Replies.queued(message.id()));
  }

  /**
   * The end of a message's data (the final dot, or BDAT LAST): the message occurrence, then its
   * final reply. {@code bdatMatch} is a bdat rule that already answered BDAT LAST, or null; {@code
   * queued} is the default reply when the message fits.
   */
  void ended(PendingMessage message, Match bdatMatch, Supplier<Reply> queued) {
    pending = message;
    Occurrence occurrence =
        session.occurrence(
            Event.MESSAGE, null, null, new ParsedMessageView(message.data(), message.size()));
    Match match;
    if (bdatMatch != null) {
      session.rules().countOnly(occurrence);
      match = bdatMatch;
    } else {
      match = session.rules().evaluate(occurrence);
    }
    session.respond(
        occurrence,
        match,
        () -> message.truncated() ? Replies.DATA_TOO_BIG : queued.get(),
        reply -> finish(message, reply));
  }

  PendingMessage message(byte[] bytes, long size, boolean truncated) {
    return new PendingMessage(session.context().nextMessageId(), bytes, size, truncated);
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
    store(message, status, session.lastWritten(), session.transaction());
    session.endTransaction();
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
        .context()
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
