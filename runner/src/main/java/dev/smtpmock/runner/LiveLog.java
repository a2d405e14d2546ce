package dev.smtpmock.runner;

import dev.smtpmock.SmtpSession;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints transcript lines as they happen. Lines arrive on the SMTP server's I/O threads, which must
 * never wait for a slow terminal or pipe, so they are queued and written by one thread of their
 * own; past {@link #CAPACITY} queued lines, lines are dropped and the count is printed instead.
 */
final class LiveLog implements AutoCloseable {
  static final int CAPACITY = 65_536;

  /** How many session ids are remembered to announce each new session once. */
  private static final int REMEMBERED_SESSIONS = 4096;

  /** A transcript line, or a session's end when {@code line} is null. */
  private record Entry(String session, SmtpSession.Line line, SmtpSession.End end) {}

  private static final Entry STOP = new Entry(null, null, null);

  private final PrintWriter out;
  private final PrintWriter err;
  private final LineFormat format;
  private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicLong dropped = new AtomicLong();
  private final Thread writer;

  @SuppressWarnings("serial")
  private final Map<String, Boolean> seen =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED_SESSIONS;
        }
      };

  /** {@code err} gets the note about dropped lines, so that JSON output stays JSON. */
  LiveLog(PrintWriter out, PrintWriter err, LineFormat format) {
    this.out = out;
    this.err = err;
    this.format = format;
    this.writer = new Thread(this::write, "smtpmock-live-log");
    writer.setDaemon(true);
  }

  /**
   * Starts writing. Lines that came before are queued meanwhile, so that nothing is printed ahead
   * of the ready line even when a client connects the moment the port is bound.
   */
  void start() {
    writer.start();
  }

  /** Queues a line; never blocks. */
  void accept(String session, SmtpSession.Line line) {
    offer(new Entry(session, line, null));
  }

  /** Queues a session's end; never blocks. */
  void ended(String session, SmtpSession.End end) {
    offer(new Entry(session, null, end));
  }

  private void offer(Entry entry) {
    if (!queue.offer(entry)) {
      dropped.incrementAndGet();
    }
  }

  private void write() {
    try {
      while (true) {
        Entry entry = queue.take();
        if (entry == STOP) {
          return;
        }
        print(entry);
        if (queue.isEmpty()) {
          reportDropped();
          out.flush();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      out.flush();
    }
  }

  private void print(Entry entry) {
    if (entry.line() == null) {
      String ended = format.sessionEnded(entry.session(), entry.end());
      if (ended != null) {
        out.println(ended);
      }
      return;
    }
    if (seen.put(entry.session(), Boolean.TRUE) == null) {
      String opened = format.sessionOpened(entry.session());
      if (opened != null) {
        out.println(opened);
      }
    }
    out.println(format.format(entry.session(), entry.line()));
  }

  private void reportDropped() {
    long n = dropped.getAndSet(0);
    if (n > 0) {
      err.println("smtpmock: " + n + " live output lines dropped (output too slow)");
      err.flush();
    }
  }

  /** Writes what is queued, then stops; waits a little, never forever. */
  @Override
  public void close() {
    try {
      queue.offer(STOP, 1, TimeUnit.SECONDS);
      if (writer.isAlive()) {
        writer.join(2000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    reportDropped();
    out.flush();
  }
}
