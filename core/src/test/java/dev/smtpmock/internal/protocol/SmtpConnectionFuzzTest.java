package dev.smtpmock.internal.protocol;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.ReceivedMessage.Status;
import dev.smtpmock.internal.store.MessageStore;
import dev.smtpmock.scenario.Scenario;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Timeout;

/**
 * The protocol engine fed arbitrary byte streams, in memory (SPEC 7; FUZZING.md). One {@link
 * SmtpConnection} per input, on a fake {@link Channel} and a scheduler with virtual time, so that
 * delays, drips and hangs run deterministically and fast.
 *
 * <p>An input is: one byte choosing the scenario, one byte choosing how the stream is cut into
 * chunks and when time passes and the client reads, then the client's bytes. Checked after every
 * step: nothing throws out of the connection; the store never holds more answered messages than the
 * input has complete DATA or BDAT LAST exchanges. Checked at the end: every byte written before the
 * close is a well-formed reply stream, nothing is written after the close, and the store holds
 * exactly the messages the replies say were queued, once each.
 */
class SmtpConnectionFuzzTest {

  /** Selected by the input's first byte, modulo their number. */
  static final List<Scenario> SCENARIOS =
      List.of(
          Scenario.parse(
              """
              scenario: fuzz-permissive
              server:
                extensions: [PIPELINING, SIZE, 8BITMIME, SMTPUTF8, ENHANCEDSTATUSCODES, CHUNKING,
                  DSN, AUTH, STARTTLS]
                max-message-size: 2KB
                idle-timeout: 30s
              """,
              "fuzz-permissive.yaml"),
          Scenario.parse(
              """
              scenario: fuzz-faults
              server:
                extensions: [PIPELINING, SIZE, 8BITMIME, SMTPUTF8, ENHANCEDSTATUSCODES, CHUNKING,
                  DSN, AUTH, STARTTLS]
                max-message-size: 4KB
                max-recipients: 3
                max-line-length: 256
                idle-timeout: 30s
                store: {max-messages: 4, max-sessions: 4}
              rules:
                - {name: slow helo, when: helo, delay: 1s..3s}
                - {name: dripping ehlo, when: ehlo, match: drip, drip: 5ms}
                - {name: ehlo then close, when: ehlo, match: close, then: close}
                - {name: vrfy disconnect, when: vrfy, match: ^disconnect, fault: disconnect}
                - {name: vrfy reset, when: vrfy, match: ^reset, fault: reset}
                - {name: vrfy hang, when: vrfy, match: ^hang, fault: hang}
                - {name: vrfy raw, when: vrfy, match: ^raw, raw: "250-raw\\r\\n250 raw\\r\\n"}
                - {name: vrfy sleeps, when: vrfy, match: ^sleep, reply: 250 2.0.0 zz, then: hang}
                - {name: vrfy aborts, when: vrfy, match: ^abort, reply: 554 5.0.0 no, then: reset}
                - {name: busy sender, when: mail, match: busy@, reply: "421 4.3.2 {hostname} busy"}
                - {name: slow sender, when: mail, match: slow@, delay: 2s}
                - name: greylist
                  when: rcpt
                  match: grey@
                  nth: 1
                  key: [recipient]
                  reply: "450 4.2.0 <{recipient}>: Greylisted"
                - name: second rcpt
                  when: rcpt
                  nth: 2
                  per: transaction
                  probability: 0.5
                  reply: 451 4.3.0 later
                - {name: third data, when: data, nth: 3, reply: 554 5.5.0 no data}
                - {name: cut mid-message, when: message, after-bytes: 1KB, fault: reset}
                - name: stop mid-message
                  when: message
                  after-bytes: 700
                  reply: 552 5.3.4 big
                  then: close
                - {name: spam, when: message, body: spam, reply: [554 5.7.1 spam, "{id} not queued"]}
                - {name: unlucky, when: message, probability: 0.2, reply: 451 4.3.0 again}
                - {name: slow accept, when: message, header: {Subject: slow}, delay: 1s}
                - {name: chunk lost, when: bdat, match: "^3 ", reply: 451 4.3.0 chunk lost}
                - {name: auth down, when: auth, match: xoauth2, reply: 454 4.7.0 down}
                - {name: tls breaks, when: starttls, authenticated: true, fault: tls-failure}
                - {name: noop drips, when: noop, after: 5, drip: 1ms}
                - {name: fourth rset, when: rset, nth: 4, reply: 421 4.7.0 too many}
                - {name: slow quit, when: quit, delay: 500ms, then: close}
                - name: raw drip
                  when: unknown
                  match: ^XRAW
                  raw: "500 5.5.2 x\\r\\n"
                  drip: 1ms
                  then: close
                - {name: expn, when: expn, reply: 252 2.1.5 maybe}
                - {name: help, when: help, reply: [214 2.0.0 help, more help]}
              """,
              "fuzz-faults.yaml"),
          Scenario.parse(
              """
              scenario: fuzz-strict
              server:
                hostname: mx.example.test
                extensions: [PIPELINING, SIZE, 8BITMIME, DSN, AUTH, STARTTLS]
                max-message-size: 0
                max-recipients: 2
                max-line-length: 64
                idle-timeout: 30s
                auth:
                  required: true
                  mechanisms: [PLAIN, LOGIN, CRAM-MD5]
                  users: {alice: secret, bob: "1234"}
                tls: {required: true}
              """,
              "fuzz-strict.yaml"));

  private static final long SEED = 42;
  private static final Pattern REPLY_LINE = Pattern.compile("[2-5][0-5][0-9]([ -].*)?");
  private static final Pattern QUEUED =
      Pattern.compile("250 (?:2\\.0\\.0 )?Ok: (?:[0-9]+ bytes )?queued as ([0-9A-F]{12})");

  @FuzzTest(maxDuration = "2m")
  @Timeout(10)
  void stream(byte[] input) {
    if (input.length < 2) {
      return;
    }
    Scenario scenario = SCENARIOS.get(Byte.toUnsignedInt(input[0]) % SCENARIOS.size());
    new Run(scenario, input[1], Arrays.copyOfRange(input, 2, input.length)).run();
  }

  /** One connection fed one stream. */
  private static final class Run {
    private final VirtualScheduler clock = new VirtualScheduler();
    private final FakeChannel channel = new FakeChannel();
    private final ServerContext context;
    private final SmtpConnection connection;
    private final byte[] stream;
    private final int mode;
    private final SplittableRandom random;

    /** exchanges[i]: complete DATA or BDAT LAST exchanges the first i bytes can hold, at most. */
    private final int[] exchanges;

    Run(Scenario scenario, byte plan, byte[] stream) {
      this.stream = stream;
      this.mode = plan & 3;
      this.random = new SplittableRandom(plan);
      this.exchanges = exchangeBounds(stream);
      this.context = new ServerContext(scenario, SEED, clock, (session, line) -> {});
      this.connection = new SmtpConnection(context, channel, false);
    }

    void run() {
      connection.start();
      int position = 0;
      while (position < stream.length && !channel.closed) {
        if (channel.tlsRequested) {
          // the client's next bytes are what the TLS layer decrypts
          channel.tlsRequested = false;
          connection.tlsEstablished("TLSv1.3", "TLS_AES_128_GCM_SHA256");
        }
        if (!channel.readSuspended) {
          int n = Math.min(chunk(), stream.length - position);
          connection.received(stream, position, n);
          position += n;
          checkStore(position);
        }
        if (channel.readSuspended || random.nextInt(3) == 0) {
          clientReads();
        }
        long millis =
            channel.readSuspended ? 1000 : random.nextInt(4) == 0 ? random.nextInt(2500) : 0;
        clock.advance(TimeUnit.MILLISECONDS.toNanos(millis));
        checkStore(position);
      }
      // the client reads what is owed and waits two minutes, then closes
      for (int i = 0; i < 120 && !channel.closed; i++) {
        clientReads();
        clock.advance(TimeUnit.SECONDS.toNanos(1));
      }
      checkStore(position);
      checkReplies();
      channel.closed = true;
      connection.closed();
      clock.advance(TimeUnit.MINUTES.toNanos(10));
      if (channel.writesAfterClose > 0) {
        throw new AssertionError(channel.writesAfterClose + " writes after the client closed");
      }
      checkStore(position);
      checkMessages();
    }

    private int chunk() {
      return switch (mode) {
        case 0 -> stream.length;
        case 1 -> 1;
        case 2 -> 1 + random.nextInt(16);
        default -> 1 + random.nextInt(random.nextBoolean() ? 8 : 512);
      };
    }

    private void clientReads() {
      channel.scheduled = 0;
      connection.written();
    }

    /** Answered messages never outnumber the complete exchanges of the input so far. */
    private void checkStore(int position) {
      MessageStore store = context.messages();
      long answered = store.acceptedCount() + store.rejectedCount();
      if (answered > exchanges[position]) {
        throw new AssertionError(
            answered
                + " messages answered after "
                + position
                + " bytes holding at most "
                + exchanges[position]
                + " complete exchanges");
      }
      if (store.incompleteCount() > (channel.closed ? 1 : 0)) {
        throw new AssertionError(store.incompleteCount() + " incomplete messages");
      }
    }

    /** Every byte written before the close is a well-formed reply stream. */
    private void checkReplies() {
      if (channel.writesAfterClose > 0) {
        throw new AssertionError(channel.writesAfterClose + " writes after the channel closed");
      }
      String text = channel.written.toString(StandardCharsets.ISO_8859_1);
      int start = 0;
      String continued = null;
      for (int crlf; (crlf = text.indexOf("\r\n", start)) >= 0; start = crlf + 2) {
        String line = text.substring(start, crlf);
        if (!REPLY_LINE.matcher(line).matches()
            || line.indexOf('\r') >= 0
            || line.indexOf('\n') >= 0) {
          throw new AssertionError("malformed reply line " + quote(line) + " in " + quote(text));
        }
        if (continued != null && !line.startsWith(continued)) {
          throw new AssertionError(
              "reply code changes mid-reply at " + quote(line) + " in " + quote(text));
        }
        continued = line.length() > 3 && line.charAt(3) == '-' ? line.substring(0, 3) : null;
      }
      if (!channel.closed && (start < text.length() || continued != null)) {
        throw new AssertionError(
            "the connection is open but its last reply is unfinished: " + quote(text));
      }
    }

    /** The store holds exactly the messages whose queued reply was written, once each. */
    private void checkMessages() {
      MessageStore store = context.messages();
      List<ReceivedMessage> all = store.all();
      long total = store.acceptedCount() + store.rejectedCount() + store.incompleteCount();
      if (all.size() + store.evictedCount() != total) {
        throw new AssertionError(
            all.size() + " held + " + store.evictedCount() + " evicted != " + total + " counted");
      }
      Set<String> ids = new HashSet<>();
      List<String> accepted = new ArrayList<>();
      long sequence = 0;
      for (ReceivedMessage m : all) {
        if (!ids.add(m.id())) {
          throw new AssertionError("message " + m.id() + " stored twice");
        }
        if (m.sequence() <= sequence) {
          throw new AssertionError("sequence not increasing at " + m.id());
        }
        sequence = m.sequence();
        if (m.status() == Status.ACCEPTED) {
          if (m.reply() == null || !m.reply().startsWith("2")) {
            throw new AssertionError("accepted with reply " + m.reply());
          }
          accepted.add(m.id());
        }
      }
      List<String> queued = new ArrayList<>();
      String text = channel.written.toString(StandardCharsets.ISO_8859_1);
      for (String line : text.split("\r\n")) {
        Matcher m = QUEUED.matcher(line);
        if (m.matches()) {
          queued.add(m.group(1));
        }
      }
      if (store.evictedCount() == 0 ? !accepted.equals(queued) : !queued.containsAll(accepted)) {
        throw new AssertionError(
            "accepted " + accepted + " but replies queued " + queued + " in " + quote(text));
      }
    }

    /**
     * For each prefix length, how many messages it can have completed at most: each needs an end of
     * data ({@code LF . CR LF}, the LF ending the DATA line or the last data line) or a {@code
     * LAST}.
     */
    private static int[] exchangeBounds(byte[] stream) {
      int[] bounds = new int[stream.length + 1];
      int count = 0;
      for (int i = 0; i < stream.length; i++) {
        if (endsWith(stream, i + 1, "\n.\r\n") || endsWith(stream, i + 1, "last")) {
          count++;
        }
        bounds[i + 1] = count;
      }
      return bounds;
    }

    private static boolean endsWith(byte[] bytes, int end, String suffix) {
      int start = end - suffix.length();
      if (start < 0) {
        return false;
      }
      for (int i = 0; i < suffix.length(); i++) {
        if (Character.toLowerCase((char) bytes[start + i]) != suffix.charAt(i)) {
          return false;
        }
      }
      return true;
    }
  }

  private static String quote(String text) {
    String shown = text.length() > 2000 ? text.substring(text.length() - 2000) : text;
    return "\""
        + shown.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0")
        + "\"";
  }

  /** The transport as a client would see it: what was written, and whether it was closed. */
  static final class FakeChannel implements Channel {
    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    long scheduled;
    boolean closed;
    boolean readSuspended;
    boolean tlsRequested;
    int writesAfterClose;

    @Override
    public void write(byte[] bytes) {
      if (closed) {
        writesAfterClose++;
        return;
      }
      written.writeBytes(bytes);
      scheduled += bytes.length;
    }

    @Override
    public void holdWrites() {}

    @Override
    public void releaseWrites() {}

    @Override
    public long scheduledWriteBytes() {
      return scheduled;
    }

    @Override
    public void closeOnFlush() {
      closed = true;
    }

    @Override
    public void closeAfterClient() {
      closed = true;
    }

    @Override
    public void resetOnFlush() {
      closed = true;
    }

    @Override
    public void resetNow() {
      closed = true;
    }

    @Override
    public void suspendRead() {
      readSuspended = true;
    }

    @Override
    public void resumeRead() {
      readSuspended = false;
    }

    @Override
    public void startTlsOnFlush(SSLContext context) {
      tlsRequested = true;
    }

    @Override
    public String clientIp() {
      return "127.0.0.1";
    }

    @Override
    public String clientAddress() {
      return "127.0.0.1:40000";
    }
  }

  /**
   * A scheduler whose clock moves only in {@link #advance}: tasks run on the calling thread, in
   * deadline order, and an exception in one is thrown to the caller instead of being swallowed.
   */
  static final class VirtualScheduler extends AbstractExecutorService
      implements ScheduledExecutorService {
    /** A bound on tasks per advance: a task that reschedules itself at once is a livelock. */
    private static final int MAX_TASKS_PER_ADVANCE = 100_000;

    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private long now;
    private long order;

    /** Moves the clock {@code nanos} on, running every task that falls due meanwhile. */
    void advance(long nanos) {
      long target = now + nanos;
      int ran = 0;
      while (!queue.isEmpty() && queue.peek().at <= target) {
        Task<?> task = queue.poll();
        if (task.cancelled) {
          continue;
        }
        if (++ran > MAX_TASKS_PER_ADVANCE) {
          throw new AssertionError("more than " + MAX_TASKS_PER_ADVANCE + " tasks in one advance");
        }
        now = Math.max(now, task.at);
        task.run();
      }
      now = target;
    }

    private <V> Task<V> add(Callable<V> callable, long delay, TimeUnit unit) {
      Task<V> task = new Task<>(callable, now + Math.max(0, unit.toNanos(delay)), order++);
      queue.add(task);
      return task;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      return add(
          () -> {
            command.run();
            return null;
          },
          delay,
          unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
      return add(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(
        Runnable command, long initialDelay, long period, TimeUnit unit) {
      throw new UnsupportedOperationException("the protocol schedules one-shot tasks only");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(
        Runnable command, long initialDelay, long delay, TimeUnit unit) {
      throw new UnsupportedOperationException("the protocol schedules one-shot tasks only");
    }

    @Override
    public void execute(Runnable command) {
      schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return false;
    }

    @Override
    public boolean isTerminated() {
      return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return false;
    }

    private final class Task<V> implements ScheduledFuture<V> {
      private final Callable<V> callable;
      private final long at;
      private final long sequence;
      private boolean cancelled;
      private boolean done;
      private V result;

      Task(Callable<V> callable, long at, long sequence) {
        this.callable = callable;
        this.at = at;
        this.sequence = sequence;
      }

      void run() {
        try {
          result = callable.call();
        } catch (RuntimeException | Error e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        } finally {
          done = true;
        }
      }

      @Override
      public long getDelay(TimeUnit unit) {
        return unit.convert(at - now, TimeUnit.NANOSECONDS);
      }

      @Override
      public int compareTo(Delayed other) {
        Task<?> that = (Task<?>) other;
        int byTime = Long.compare(at, that.at);
        return byTime != 0 ? byTime : Long.compare(sequence, that.sequence);
      }

      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        if (done) {
          return false;
        }
        cancelled = true;
        queue.remove(this);
        return true;
      }

      @Override
      public boolean isCancelled() {
        return cancelled;
      }

      @Override
      public boolean isDone() {
        return done || cancelled;
      }

      @Override
      public V get() {
        return result;
      }

      @Override
      public V get(long timeout, TimeUnit unit) {
        return result;
      }
    }
  }
}
