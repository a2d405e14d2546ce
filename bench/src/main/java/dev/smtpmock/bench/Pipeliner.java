package dev.smtpmock.bench;

import dev.smtpmock.testing.Reply;
import dev.smtpmock.testing.SmtpDialogue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A pipelining load generator (smtp-source cannot pipeline). Each connection says EHLO, then sends
 * {@code MAIL FROM / RCPT TO / DATA} in one write; after the 354, the message (1 KB of body, like
 * smtp-source -l 1024) with its final dot and the next {@code MAIL / RCPT / DATA} in one write: one
 * round trip per message. It pipelines whether or not the server advertises PIPELINING, and says
 * which did.
 *
 * <p>Standalone: {@code Pipeliner PORT CONNECTIONS MESSAGES MAX_SECONDS}.
 */
public final class Pipeliner {
  private static final byte[] ENVELOPE =
      ascii("MAIL FROM:<sender@bench.test>\r\nRCPT TO:<rcpt@bench.test>\r\nDATA\r\n");
  private static final byte[] BODY = body();

  /** The message, its final dot, and the next envelope: one write. */
  private static final byte[] BODY_THEN_ENVELOPE = concat(BODY, ascii(".\r\n"), ENVELOPE);

  /** The last message and its final dot. */
  private static final byte[] LAST_BODY = concat(BODY, ascii(".\r\n"));

  /** What a run did. */
  public record Result(
      long delivered, double seconds, long errors, String firstError, boolean advertised) {
    public double rate() {
      return delivered / seconds;
    }
  }

  private Pipeliner() {}

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  private static byte[] body() {
    StringBuilder b =
        new StringBuilder(
            "From: <sender@bench.test>\r\nTo: <rcpt@bench.test>\r\nSubject: pipelined\r\n\r\n");
    String line = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"; // 62 + CRLF
    for (int i = 0; i < 16; i++) {
      b.append(line, 0, 62).append("\r\n"); // 16 x 64 = 1024 bytes of body
    }
    return ascii(b.toString());
  }

  public static void main(String[] args) throws InterruptedException {
    Result r =
        run(
            Integer.parseInt(args[0]),
            Integer.parseInt(args[1]),
            Long.parseLong(args[2]),
            Long.parseLong(args[3]));
    System.out.printf(
        "delivered %d in %.2f s = %.0f msgs/s, errors %d%s, PIPELINING advertised: %s%n",
        r.delivered(),
        r.seconds(),
        r.rate(),
        r.errors(),
        r.firstError() == null ? "" : " (first: " + r.firstError() + ")",
        r.advertised());
  }

  /** Sends {@code messages} over {@code connections} connections, stopping at the deadline. */
  public static Result run(int port, int connections, long messages, long maxSeconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
    AtomicLong delivered = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    AtomicBoolean advertised = new AtomicBoolean(true);
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < connections; c++) {
      long share = messages / connections + (c < messages % connections ? 1 : 0);
      Thread t =
          new Thread(
              () -> {
                try {
                  connection(port, share, deadline, delivered, advertised);
                } catch (RuntimeException | AssertionError e) {
                  errors.incrementAndGet();
                  firstError.compareAndSet(null, e.toString());
                }
              },
              "pipeliner-" + c);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(delivered.get(), seconds, errors.get(), firstError.get(), advertised.get());
  }

  private static void connection(
      int port, long messages, long deadline, AtomicLong delivered, AtomicBoolean advertised) {
    if (messages == 0) {
      return;
    }
    try (SmtpDialogue client = SmtpDialogue.connect(port, Duration.ofSeconds(30))) {
      client.expectCode(220);
      Reply ehlo = client.command("EHLO client.bench.test");
      if (ehlo.code() != 250) {
        throw new IllegalStateException("EHLO refused: " + ehlo);
      }
      if (!ehlo.text().toUpperCase().contains("PIPELINING")) {
        advertised.set(false);
      }
      client.sendRaw(ENVELOPE);
      expectEnvelope(client);
      for (long i = 0; i < messages; i++) {
        boolean more = i + 1 < messages && System.nanoTime() < deadline;
        client.sendRaw(more ? BODY_THEN_ENVELOPE : LAST_BODY);
        client.expectCode(250);
        delivered.incrementAndGet();
        if (!more) {
          break;
        }
        expectEnvelope(client);
      }
      client.command("QUIT");
    }
  }

  private static void expectEnvelope(SmtpDialogue client) {
    client.expectCode(250);
    client.expectCode(250);
    client.expectCode(354);
  }
}
