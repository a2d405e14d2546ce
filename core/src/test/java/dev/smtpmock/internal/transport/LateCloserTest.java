package dev.smtpmock.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LateCloserTest {
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void runsEveryActionHandedInFromManyThreadsNoSoonerThanItsTime() {
    LateCloser closer = new LateCloser(scheduler, 20);
    ConcurrentLinkedQueue<Long> earlyByNanos = new ConcurrentLinkedQueue<>();
    AtomicInteger ran = new AtomicInteger();

    IntStream.range(0, 4_000)
        .parallel()
        .forEach(
            i -> {
              long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
              closer.later(
                  () -> {
                    long early = due - System.nanoTime();
                    if (early > 0) {
                      earlyByNanos.add(early);
                    }
                    ran.incrementAndGet();
                  });
            });

    await().atMost(Duration.ofSeconds(10)).until(() -> ran.get() == 4_000);
    assertThat(earlyByNanos).isEmpty();
  }

  @Test
  void anActionHandedInAfterTheQueueRanDryStillRuns() {
    LateCloser closer = new LateCloser(scheduler, 5);
    AtomicInteger ran = new AtomicInteger();
    for (int round = 1; round <= 20; round++) {
      closer.later(ran::incrementAndGet);
      int expected = round;
      await()
          .pollInterval(Duration.ofMillis(2))
          .atMost(Duration.ofSeconds(5))
          .until(() -> ran.get() == expected);
    }
    assertThat(ran).hasValue(20);
  }

  /** A task per session woke the scheduler's thread at every connection. */
  @Test
  void aBurstOfSessionsIsServedByOneTask() {
    AtomicInteger schedules = new AtomicInteger();
    ScheduledThreadPoolExecutor counting =
        new ScheduledThreadPoolExecutor(1) {
          @Override
          public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            schedules.incrementAndGet();
            return super.schedule(command, delay, unit);
          }
        };
    try {
      LateCloser closer = new LateCloser(counting, 50);
      AtomicInteger ran = new AtomicInteger();
      for (int i = 0; i < 1_000; i++) {
        closer.later(ran::incrementAndGet);
      }

      await().atMost(Duration.ofSeconds(5)).until(() -> ran.get() == 1_000);
      assertThat(schedules).hasValueLessThanOrEqualTo(2);
    } finally {
      counting.shutdownNow();
    }
  }
}
