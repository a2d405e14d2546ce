package dev.smtpmock.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Sockets in TIME_WAIT on this machine. Thousands of them (a benchmark that opens a connection and
 * a listening port per operation leaves them for 60 s) make binding and connecting measurably
 * slower, so a benchmark that followed a fast one would pay for its predecessor: the per-test
 * benchmarks wait for them to drain first.
 */
public final class TimeWait {
  private TimeWait() {}

  /** TIME_WAIT sockets (state 06 in /proc/net/tcp and tcp6); -1 if unknown. */
  public static long count() {
    long n = 0;
    for (String file : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
      try (Stream<String> lines = Files.lines(Path.of(file))) {
        n += lines.skip(1).filter(TimeWait::isTimeWait).count();
      } catch (IOException | RuntimeException e) {
        return -1;
      }
    }
    return n;
  }

  private static boolean isTimeWait(String line) {
    String[] f = line.trim().split("\\s+", 5);
    return f.length > 3 && f[3].equals("06");
  }

  /**
   * Waits until at most {@code max} sockets are in TIME_WAIT, or {@code maxSeconds} have passed;
   * returns the count at the end.
   */
  public static long awaitAtMost(long max, long maxSeconds) {
    long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
    long n = count();
    while (n > max && System.nanoTime() < deadline) {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      n = count();
    }
    return n;
  }

  /**
   * Starts a benchmark from the same state of the kernel when the full run asks for it ({@code
   * bench.timeWaitDrainSeconds}): the one before may have left thousands of sockets in TIME_WAIT,
   * which slow down binding and connecting. The smoke does not ask, to stay short.
   */
  public static void drainIfAsked() {
    long drainSeconds = Long.getLong("bench.timeWaitDrainSeconds", 0);
    if (drainSeconds > 0) {
      long start = System.nanoTime();
      long left = awaitAtMost(500, drainSeconds);
      System.out.printf(
          "(waited %.0f s for TIME_WAIT sockets to drain; %d left) ",
          (System.nanoTime() - start) / 1e9, left);
    }
  }
}
