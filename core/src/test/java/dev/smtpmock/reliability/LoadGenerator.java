package dev.smtpmock.reliability;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Our own load generator for {@link NothingLostTest}: concurrent sessions, each sending numbered
 * messages ({@code X-Seq: N}) with PIPELINING (RFC 2920): the MAIL, RCPT and DATA of a message go
 * in one write, and the end of the previous message's data goes with them. Every reply is recorded,
 * so that a test can compare what the server stored with what the client was told.
 *
 * <p>Message {@code N} goes to {@code ok-N@…} and, for every third, also to {@code maybe-N@…};
 * every seventh goes to {@code maybe-N@…} only, so that a deferred recipient can leave it with none
 * and its DATA is refused (the client then sends RSET, not the data).
 */
final class LoadGenerator {
  /** What one message got, in the order the session sent it. */
  record Outcome(int seq, int session, List<String> replies, String finalReply) {
    boolean accepted() {
      return finalReply != null && finalReply.startsWith("2");
    }

    /** Refused at the end of its data (as opposed to never sent: DATA refused). */
    boolean rejected() {
      return finalReply != null && !finalReply.startsWith("2");
    }
  }

  private final int port;
  private final int sessions;
  private final int messagesPerSession;
  private final Duration limit;

  LoadGenerator(int port, int sessions, int messagesPerSession, Duration limit) {
    this.port = port;
    this.sessions = sessions;
    this.messagesPerSession = messagesPerSession;
    this.limit = limit;
  }

  /** Runs every session to its QUIT; the outcomes of each session, in sending order. */
  List<List<Outcome>> run() throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(sessions);
    try {
      List<Future<List<Outcome>>> futures = new ArrayList<>();
      for (int s = 0; s < sessions; s++) {
        int session = s;
        futures.add(pool.submit(() -> session(session, deadline)));
      }
      List<List<Outcome>> outcomes = new ArrayList<>();
      for (Future<List<Outcome>> f : futures) {
        long left = deadline - System.nanoTime();
        try {
          outcomes.add(f.get(Math.max(1, left), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
          throw new AssertionError("the load did not finish within " + limit, e);
        }
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private List<Outcome> session(int session, long deadline) throws IOException {
    List<Outcome> outcomes = new ArrayList<>(messagesPerSession);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      socket.setTcpNoDelay(true);
      Replies in = new Replies(new BufferedInputStream(socket.getInputStream(), 1 << 16));
      OutputStream out = socket.getOutputStream();
      expect(in.next(), "220");
      out.write(ascii("EHLO load-" + session + ".test\r\n"));
      expect(in.next(), "250");

      // what the next write starts with: the end of the previous message, or an RSET
      StringBuilder pending = new StringBuilder();
      Outcome previous = null;
      boolean previousNeedsRset = false;
      for (int i = 0; i < messagesPerSession; i++) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("session " + session + " ran out of time at message " + i);
        }
        int seq = session * messagesPerSession + i;
        List<String> recipients = recipients(seq);
        StringBuilder batch = new StringBuilder(pending);
        batch.append("MAIL FROM:<load-").append(session).append("@client.test>\r\n");
        for (String r : recipients) {
          batch.append("RCPT TO:<").append(r).append(">\r\n");
        }
        batch.append("DATA\r\n");
        out.write(ascii(batch.toString()));
        out.flush();

        if (previous != null) {
          String end = in.next();
          outcomes.add(
              new Outcome(previous.seq(), session, previous.replies(), end.split("\r\n")[0]));
        } else if (previousNeedsRset) {
          expect(in.next(), "250");
        }
        List<String> replies = new ArrayList<>();
        String mail = in.next();
        replies.add(mail);
        for (int r = 0; r < recipients.size(); r++) {
          replies.add(in.next());
        }
        String data = in.next();
        replies.add(data);
        pending.setLength(0);
        previous = null;
        previousNeedsRset = false;
        if (data.startsWith("354")) {
          pending.append(message(seq, session));
          previous = new Outcome(seq, session, replies, null);
        } else {
          outcomes.add(new Outcome(seq, session, replies, null));
          if (mail.startsWith("250")) {
            pending.append("RSET\r\n");
            previousNeedsRset = true;
          }
        }
      }
      out.write(ascii(pending + "QUIT\r\n"));
      out.flush();
      if (previous != null) {
        String end = in.next();
        outcomes.add(
            new Outcome(previous.seq(), session, previous.replies(), end.split("\r\n")[0]));
      } else if (previousNeedsRset) {
        expect(in.next(), "250");
      }
      expect(in.next(), "221");
    }
    return outcomes;
  }

  private static List<String> recipients(int seq) {
    if (seq % 7 == 0) {
      return List.of("maybe-" + seq + "@example.test");
    }
    if (seq % 3 == 0) {
      return List.of("ok-" + seq + "@example.test", "maybe-" + seq + "@example.test");
    }
    return List.of("ok-" + seq + "@example.test");
  }

  /** A message's data and its end, dot-stuffed: one body line starts with a dot. */
  private static String message(int seq, int session) {
    return "X-Seq: "
        + seq
        + "\r\nX-Session: "
        + session
        + "\r\nSubject: load message "
        + seq
        + "\r\n\r\nBody of message "
        + seq
        + ".\r\n..a line that starts with a dot\r\n.\r\n";
  }

  private static void expect(String reply, String code) {
    if (!reply.startsWith(code)) {
      throw new AssertionError("expected " + code + " but got " + reply);
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads whole replies, multi-line ones joined by CRLF. */
  private static final class Replies {
    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    Replies(InputStream in) {
      this.in = in;
    }

    String next() {
      StringBuilder reply = new StringBuilder();
      while (true) {
        String l = line();
        if (reply.length() > 0) {
          reply.append("\r\n");
        }
        reply.append(l);
        if (l.length() < 4 || l.charAt(3) != '-') {
          return reply.toString();
        }
      }
    }

    private String line() {
      line.reset();
      try {
        for (int b; (b = in.read()) >= 0; ) {
          if (b == '\n') {
            byte[] bytes = line.toByteArray();
            int n =
                bytes.length > 0 && bytes[bytes.length - 1] == '\r'
                    ? bytes.length - 1
                    : bytes.length;
            return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
          }
          line.write(b);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      throw new AssertionError("the server closed the connection; line so far: " + line);
    }
  }
}
