package dev.smtpmock.bench;

import dev.smtpmock.testing.SmtpDialogue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measures a {@code delay: 100ms} rule from the client: on each probe connection, alternately an
 * RCPT the rule does not match (the baseline round trip) and one it delays ({@link
 * Scenarios#DELAYED_RECIPIENT}), each timed from the write to the end of the reply.
 */
public final class DelayProbe {
  private static final int WARM_UP = 10;

  /** Round trips in nanoseconds, delayed and baseline. */
  public record Result(long[] delayed, long[] baseline, String firstError) {}

  private DelayProbe() {}

  public static Result run(int port, int connections, int probesPerConnection, long maxSeconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
    List<long[]> delayed = new ArrayList<>();
    List<long[]> baseline = new ArrayList<>();
    AtomicReference<String> firstError = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      long[] d = new long[probesPerConnection];
      long[] b = new long[probesPerConnection];
      Arrays.fill(d, -1);
      Arrays.fill(b, -1);
      delayed.add(d);
      baseline.add(b);
      Thread t =
          new Thread(
              () -> {
                try {
                  probe(port, d, b, deadline);
                } catch (RuntimeException | AssertionError e) {
                  firstError.compareAndSet(null, e.toString());
                }
              },
              "delay-probe-" + c);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    return new Result(flatten(delayed), flatten(baseline), firstError.get());
  }

  /**
   * What the platform itself gives: how late a plain JDK {@code ScheduledThreadPoolExecutor} runs a
   * task scheduled 100 ms ahead, one after another, in this process, at the same time as the
   * probes.
   */
  public static long[] jdkTimerLateness(int samples, long maxSeconds) {
    long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    try {
      long[] late = new long[samples];
      int n = 0;
      while (n < samples && System.nanoTime() < deadline) {
        long start = System.nanoTime();
        long fired = timer.schedule(System::nanoTime, 100, TimeUnit.MILLISECONDS).get();
        late[n++] = fired - start - 100_000_000L;
      }
      return Arrays.copyOf(late, n);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new long[0];
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    } finally {
      timer.shutdownNow();
    }
  }

  private static long[] flatten(List<long[]> parts) {
    return parts.stream().flatMapToLong(Arrays::stream).filter(v -> v >= 0).toArray();
  }

  private static void probe(int port, long[] delayed, long[] baseline, long deadline) {
    try (SmtpDialogue client = SmtpDialogue.connect(port, Duration.ofSeconds(30))) {
      client.expectCode(220);
      client.send("EHLO client.bench.test").expectCode(250);
      int recipients = 0;
      client.send("MAIL FROM:<sender@bench.test>").expectCode(250);
      for (int i = -WARM_UP; i < delayed.length && System.nanoTime() < deadline; i++) {
        if (recipients >= 400) { // max-recipients is 1000 by default
          client.send("RSET").expectCode(250);
          client.send("MAIL FROM:<sender@bench.test>").expectCode(250);
          recipients = 0;
        }
        long b = roundTrip(client, "RCPT TO:<rcpt@bench.test>");
        long d = roundTrip(client, "RCPT TO:<" + Scenarios.DELAYED_RECIPIENT + ">");
        recipients += 2;
        if (i >= 0) {
          baseline[i] = b;
          delayed[i] = d;
        }
      }
      client.command("QUIT");
    }
  }

  private static long roundTrip(SmtpDialogue client, String command) {
    long start = System.nanoTime();
    client.send(command).expectCode(250);
    return System.nanoTime() - start;
  }
}
