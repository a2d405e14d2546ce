package dev.smtpmock.internal.store;

import dev.smtpmock.SmtpSession;
import dev.smtpmock.SmtpSession.Direction;
import dev.smtpmock.SmtpSession.End;
import dev.smtpmock.SmtpSession.Line;
import dev.smtpmock.SmtpSession.RuleRef;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The growing record of one connection, from which {@link SmtpSession} snapshots are taken.
 *
 * <p>The lines are kept in columns, their texts as UTF-8 in one array, not as {@link Line} records:
 * a store of thousands of sessions then holds a handful of arrays per session rather than five
 * objects per line, which keeps the garbage collection pauses of a busy server short. For the same
 * reason times are kept as {@link EpochNanos}, and a session holds no listener of its own.
 */
public final class Transcript {
  /**
   * The text a session keeps, at most: a client can send valid commands for ever, and a transcript
   * without a bound once took the whole heap and the I/O thread with it. Listeners hear every line.
   */
  static final int MAX_TEXT_BYTES = 1024 * 1024;

  static final String FULL_NOTE = "(transcript limit of 1 MB reached: later lines are not kept)";

  private final String id;
  private final int connection;
  private final String clientAddress;
  private final long startedAt = EpochNanos.of(Instant.now());
  private int size;
  private long[] epochNanos = new long[16];
  private byte[] text = new byte[512];
  private int textLength;
  // Per line, where its text ends in `text`; it starts where the previous line's ends.
  private int[] textEnds = new int[16];
  private boolean[] fromServer = new boolean[16];
  // Allocated at the first line a rule made: most sessions have none.
  private RuleRef[] rules;
  private boolean full;
  private final Listener listener;
  private long endedAt;
  private String tlsProtocol;
  private String tlsCipher;
  private String user;
  private End end;
  private volatile long highWaterWriteBytes;

  /** Hears every session's lines and ends, with the session's id; one for all sessions. */
  @FunctionalInterface
  public interface Listener {
    void line(String session, Line line);

    default void ended(String session, End end) {}
  }

  public Transcript(String id, int connection, String clientAddress, Listener listener) {
    this.id = id;
    this.connection = connection;
    this.clientAddress = clientAddress;
    this.listener = listener;
  }

  public String id() {
    return id;
  }

  public int connection() {
    return connection;
  }

  public void client(String text) {
    add(new Line(Instant.now(), Direction.CLIENT, text, null));
  }

  public void server(String text, RuleRef rule) {
    add(new Line(Instant.now(), Direction.SERVER, text, rule));
  }

  private void add(Line line) {
    synchronized (this) {
      keep(line);
    }
    listener.line(id, line);
  }

  private void keep(Line heard) {
    if (full) {
      return;
    }
    Line line = heard;
    byte[] utf8 = line.text().getBytes(StandardCharsets.UTF_8);
    if (textLength + utf8.length > MAX_TEXT_BYTES - FULL_NOTE.length()) {
      full = true;
      line = new Line(line.at(), Direction.SERVER, FULL_NOTE, null);
      utf8 = FULL_NOTE.getBytes(StandardCharsets.US_ASCII);
    }
    if (size == epochNanos.length) {
      int capacity = size * 2;
      epochNanos = Arrays.copyOf(epochNanos, capacity);
      textEnds = Arrays.copyOf(textEnds, capacity);
      fromServer = Arrays.copyOf(fromServer, capacity);
      if (rules != null) {
        rules = Arrays.copyOf(rules, capacity);
      }
    }
    epochNanos[size] = EpochNanos.of(line.at());
    if (textLength + utf8.length > text.length) {
      text =
          Arrays.copyOf(
              text, Math.min(MAX_TEXT_BYTES, Math.max(text.length * 2, textLength + utf8.length)));
    }
    System.arraycopy(utf8, 0, text, textLength, utf8.length);
    textLength += utf8.length;
    textEnds[size] = textLength;
    fromServer[size] = line.direction() == Direction.SERVER;
    if (line.rule() != null) {
      if (rules == null) {
        rules = new RuleRef[epochNanos.length];
      }
      rules[size] = line.rule();
    }
    size++;
  }

  private Line line(int i) {
    int start = i == 0 ? 0 : textEnds[i - 1];
    return new Line(
        EpochNanos.instant(epochNanos[i]),
        fromServer[i] ? Direction.SERVER : Direction.CLIENT,
        new String(text, start, textEnds[i] - start, StandardCharsets.UTF_8),
        rules != null ? rules[i] : null);
  }

  /** The session goes on after a reset: it keeps its lines from now on only (SPEC 4.1). */
  public synchronized void dropLines() {
    size = 0;
    textLength = 0;
    rules = null;
    full = false;
  }

  /** When the connection was accepted, in epoch nanoseconds. */
  public long startedAt() {
    return startedAt;
  }

  /** Records how many bytes are queued for writing, to keep the high-water mark. */
  public void queuedForWriting(long bytes) {
    if (bytes > highWaterWriteBytes) {
      highWaterWriteBytes = bytes;
    }
  }

  /** The most bytes ever queued for writing on this connection; flow control keeps it bounded. */
  public long highWaterWriteBytes() {
    return highWaterWriteBytes;
  }

  public synchronized void tls(String protocol, String cipher) {
    this.tlsProtocol = protocol;
    this.tlsCipher = cipher;
  }

  public synchronized void user(String user) {
    this.user = user;
  }

  /** Records how the session ended; the first cause wins, and only it is heard. */
  public void end(End end) {
    synchronized (this) {
      if (this.end != null) {
        return;
      }
      this.end = end;
      this.endedAt = EpochNanos.of(Instant.now());
    }
    listener.ended(id, end);
  }

  public synchronized boolean ended() {
    return end != null;
  }

  public synchronized SmtpSession snapshot() {
    return new SmtpSession(
        id,
        connection,
        clientAddress,
        EpochNanos.instant(startedAt),
        end != null ? EpochNanos.instant(endedAt) : null,
        tlsProtocol,
        tlsCipher,
        user,
        end,
        lines());
  }

  private List<Line> lines() {
    List<Line> lines = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      lines.add(line(i));
    }
    return lines;
  }
}
