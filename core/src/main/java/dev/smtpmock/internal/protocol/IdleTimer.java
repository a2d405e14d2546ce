package dev.smtpmock.internal.protocol;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The idle timeout of one connection. It counts only time spent waiting for client input (SPEC
 * 2.6), so it stops while the server owes a reply. One check at a time is scheduled; restarting the
 * wait only moves a deadline, so a busy connection does not churn the scheduler.
 */
final class IdleTimer {
  private final ScheduledExecutorService scheduler;
  private final long timeoutNanos;
  private final Object lock;
  private final Runnable expired;
  private long waitingSince = -1;
  private ScheduledFuture<?> check;

  /** {@code expired} runs holding {@code lock}, the connection's lock. */
  IdleTimer(ScheduledExecutorService scheduler, Duration timeout, Object lock, Runnable expired) {
    this.scheduler = scheduler;
    this.timeoutNanos = timeout.toNanos();
    this.lock = lock;
    this.expired = expired;
  }

  /** The server waits for input; the clock runs on from where it is, or starts now. */
  void waiting() {
    if (waitingSince < 0) {
      waitingSince = System.nanoTime();
    }
    if (check == null) {
      schedule(waitingSince + timeoutNanos - System.nanoTime());
    }
  }

  /** A line was completed, or the server owes a reply: the clock stops until the next wait. */
  void stop() {
    waitingSince = -1;
  }

  /** The connection ended. */
  void cancel() {
    waitingSince = -1;
    if (check != null) {
      check.cancel(false);
      check = null;
    }
  }

  private void schedule(long delayNanos) {
    check = scheduler.schedule(this::check, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
  }

  private void check() {
    synchronized (lock) {
      check = null;
      if (waitingSince < 0) {
        return;
      }
      long left = waitingSince + timeoutNanos - System.nanoTime();
      if (left <= 0) {
        waitingSince = -1;
        expired.run();
      } else {
        schedule(left);
      }
    }
  }
}
