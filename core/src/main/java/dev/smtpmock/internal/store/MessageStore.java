package dev.smtpmock.internal.store;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.ReceivedMessage.Status;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The captured messages, oldest first, within the store's bounds. Every message handed in is kept
 * exactly once until a bound evicts it, and every eviction is counted.
 */
public final class MessageStore {
  private final Deque<ReceivedMessage> messages = new ArrayDeque<>();
  private long maxMessages;
  private long maxBytes;
  private long bytes;
  private long sequence;
  private long accepted;
  private long rejected;
  private long incomplete;
  private long evicted;

  public MessageStore(long maxMessages, long maxBytes) {
    this.maxMessages = maxMessages;
    this.maxBytes = maxBytes;
  }

  /** New bounds, e.g. after a scenario swap; applied at the next add. */
  public synchronized void bounds(long maxMessages, long maxBytes) {
    this.maxMessages = maxMessages;
    this.maxBytes = maxBytes;
  }

  /** Adds a message made with the next sequence number, so that sequence order is store order. */
  public synchronized ReceivedMessage add(LongFunction<ReceivedMessage> withSequence) {
    ReceivedMessage message = withSequence.apply(++sequence);
    messages.addLast(message);
    bytes += message.size();
    switch (message.status()) {
      case ACCEPTED -> accepted++;
      case REJECTED -> rejected++;
      case INCOMPLETE -> incomplete++;
    }
    while (!messages.isEmpty() && (messages.size() > maxMessages || bytes > maxBytes)) {
      bytes -= messages.removeFirst().size();
      evicted++;
    }
    notifyAll();
    return message;
  }

  /** The accepted messages, in order. */
  public synchronized List<ReceivedMessage> accepted() {
    return messages.stream().filter(m -> m.status() == Status.ACCEPTED).toList();
  }

  /** Every message, in order. */
  public synchronized List<ReceivedMessage> all() {
    return new ArrayList<>(messages);
  }

  /**
   * Waits until at least {@code count} accepted messages are held.
   *
   * @return the first {@code count}, or null on timeout
   */
  public synchronized List<ReceivedMessage> awaitAccepted(int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<ReceivedMessage> now = accepted();
      if (now.size() >= count) {
        return now.subList(0, count);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  public synchronized long acceptedCount() {
    return accepted;
  }

  public synchronized long rejectedCount() {
    return rejected;
  }

  public synchronized long incompleteCount() {
    return incomplete;
  }

  public synchronized long evictedCount() {
    return evicted;
  }

  /** Forgets every message and counter; sequence numbers go on, so they never repeat. */
  public synchronized void clear() {
    messages.clear();
    bytes = 0;
    accepted = 0;
    rejected = 0;
    incomplete = 0;
    evicted = 0;
    notifyAll();
  }
}
