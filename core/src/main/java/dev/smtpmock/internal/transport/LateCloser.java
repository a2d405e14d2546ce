package dev.smtpmock.internal.transport;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.mina.core.session.IoSession;

/**
 * Closes sessions a fixed time after they are handed in (up to {@link #BATCH_MILLIS} later), unless
 * they closed meanwhile. One task serves all of them, waking at most every {@link #BATCH_MILLIS}: a
 * task per session would be the scheduler's earliest and wake its thread at every connection, which
 * cost a tenth of the throughput with a connection per message.
 */
final class LateCloser {
  static final long BATCH_MILLIS = 50;

  private record Due(Runnable action, long atNanos) {}

  private final ScheduledExecutorService scheduler;
  private final long afterNanos;
  // In hand-in order, which is deadline order, since every session waits the same time.
  private final Queue<Due> due = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  LateCloser(ScheduledExecutorService scheduler, long afterMillis) {
    this.scheduler = scheduler;
    this.afterNanos = TimeUnit.MILLISECONDS.toNanos(afterMillis);
  }

  /** Closes the session, once what is queued for it is written, after the fixed time. */
  void closeLater(IoSession session) {
    later(session::closeOnFlush);
  }

  /** Runs the action after the fixed time, on the scheduler. */
  void later(Runnable action) {
    due.add(new Due(action, System.nanoTime() + afterNanos));
    if (scheduled.compareAndSet(false, true)) {
      scheduler.schedule(this::closeDue, afterNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void closeDue() {
    long now = System.nanoTime();
    for (Due next = due.peek(); next != null; next = due.peek()) {
      if (next.atNanos() > now) {
        long wait = Math.max(next.atNanos() - now, TimeUnit.MILLISECONDS.toNanos(BATCH_MILLIS));
        scheduler.schedule(this::closeDue, wait, TimeUnit.NANOSECONDS);
        return;
      }
      due.poll();
      next.action().run();
    }
    scheduled.set(false);
    // A session handed in after the last peek saw the task still scheduled and left it to us.
    if (!due.isEmpty() && scheduled.compareAndSet(false, true)) {
      scheduler.execute(this::closeDue);
    }
  }
}
