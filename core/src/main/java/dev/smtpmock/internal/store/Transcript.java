package dev.smtpmock.internal.store;

import dev.smtpmock.SmtpSession;
import dev.smtpmock.SmtpSession.Direction;
import dev.smtpmock.SmtpSession.End;
import dev.smtpmock.SmtpSession.Line;
import dev.smtpmock.SmtpSession.RuleRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The growing record of one connection, from which {@link SmtpSession} snapshots are taken. */
public final class Transcript {
  private final String id;
  private final int connection;
  private final String clientAddress;
  private final Instant startedAt = Instant.now();
  private final List<Line> lines = new ArrayList<>();
  private final Consumer<Line> listener;
  private Instant endedAt;
  private String tlsProtocol;
  private String tlsCipher;
  private String user;
  private End end;
  private volatile long highWaterWriteBytes;

  public Transcript(String id, int connection, String clientAddress, Consumer<Line> listener) {
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
      lines.add(line);
    }
    listener.accept(line);
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

  /** Records how the session ended; the first cause wins. */
  public synchronized void end(End end) {
    if (this.end == null) {
      this.end = end;
      this.endedAt = Instant.now();
    }
  }

  public synchronized boolean ended() {
    return end != null;
  }

  public synchronized SmtpSession snapshot() {
    return new SmtpSession(
        id,
        connection,
        clientAddress,
        startedAt,
        endedAt,
        tlsProtocol,
        tlsCipher,
        user,
        end,
        lines);
  }
}
