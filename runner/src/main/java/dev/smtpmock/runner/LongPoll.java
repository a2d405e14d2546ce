package dev.smtpmock.runner;

import dev.smtpmock.ReceivedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Parks long-poll requests ({@code GET /api/messages?wait=…&count=…}) without holding an HTTP
 * thread: a waiting request is only an entry in a list, and one timer thread answers it as soon as
 * its condition holds or its time is up. A handful of HTTP threads thus serve any number of waiting
 * clients, up to {@link #MAX_WAITING}.
 */
final class LongPoll implements AutoCloseable {
  /** Beyond this many parked requests a new one is refused rather than queued without bound. */
  static final int MAX_WAITING = 256;

  /**
   * Fallback re-check, for changes that come without a transcript line (e.g. a client vanishing).
   */
  private static final long TICK_MILLIS = 200;

  /** Coalesces bursts of transcript lines into one re-check. */
  private static final long DEBOUNCE_MILLIS = 10;

  /** A parked request. */
  interface Waiter {
    /** True when the answer is ready, given every stored message (on the timer thread). */
    boolean ready(List<ReceivedMessage> messages);

    /**
     * Sends the answer, whatever it is now; called exactly once.
     *
     * @param timedOut true when the wait ran out before the answer was ready
     */
    void answer(boolean timedOut);

    /** {@link System#nanoTime()} after which the request is answered anyway. */
    long deadline();
  }

  private final List<Waiter> waiting = new ArrayList<>();
  private final AtomicBoolean wakeScheduled = new AtomicBoolean();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "smtpmock-admin-longpoll");
            t.setDaemon(true);
            return t;
          });

  private final Supplier<List<ReceivedMessage>> messages;

  /** {@code messages}: every stored message, read once per check for all parked requests. */
  LongPoll(Supplier<List<ReceivedMessage>> messages) {
    this.messages = messages;
    timer.scheduleWithFixedDelay(this::check, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Parks a request, or answers it at once when it is already ready.
   *
   * @return false when too many requests are waiting: the caller refuses this one
   */
  boolean park(Waiter waiter) {
    synchronized (waiting) {
      if (waiting.size() >= MAX_WAITING) {
        return false;
      }
      waiting.add(waiter);
    }
    wake();
    return true;
  }

  /** Something changed: re-check the parked requests soon. Cheap; any thread. */
  void changed() {
    boolean any;
    synchronized (waiting) {
      any = !waiting.isEmpty();
    }
    if (any) {
      wake();
    }
  }

  private void wake() {
    if (wakeScheduled.compareAndSet(false, true)) {
      try {
        timer.schedule(
            () -> {
              wakeScheduled.set(false);
              check();
            },
            DEBOUNCE_MILLIS,
            TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        wakeScheduled.set(false); // closing: close() answers everything left
      }
    }
  }

  private void check() {
    List<Waiter> snapshot;
    synchronized (waiting) {
      if (waiting.isEmpty()) {
        return;
      }
      snapshot = List.copyOf(waiting);
    }
    long now = System.nanoTime();
    List<ReceivedMessage> stored = messages.get();
    for (Waiter waiter : snapshot) {
      boolean ready;
      try {
        ready = waiter.ready(stored);
      } catch (RuntimeException e) {
        ready = true; // answer() reports the failure to the client
      }
      // ready at its deadline is no time-out: the client got what it waited for
      boolean timedOut = !ready && now - waiter.deadline() >= 0;
      if (ready || timedOut) {
        synchronized (waiting) {
          if (!waiting.remove(waiter)) {
            continue; // close() took it and answers it
          }
        }
        waiter.answer(timedOut);
      }
    }
  }

  /**
   * Answers every parked request with what there is now, then stops the timer; the runner stopping
   * is no time-out.
   */
  @Override
  public void close() {
    timer.shutdownNow();
    List<Waiter> left;
    synchronized (waiting) {
      left = List.copyOf(waiting);
      waiting.clear();
    }
    left.forEach(waiter -> waiter.answer(false));
  }
}
