package dev.smtpmock.testing;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One SMTP connection driven line by line, for tests that must see exact bytes: what is sent is
 * what the server reads, and each reply comes back whole. Failures are unchecked so that a dialogue
 * reads as its steps; a reply that differs from the one expected is an {@link AssertionError}.
 *
 * <p>Writing and reading share no state, so one thread may write while another reads.
 */
public final class SmtpDialogue implements AutoCloseable {
  /** Generous for a loaded 2-core machine, yet a server that never answers fails the test. */
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final String LOOPBACK = "127.0.0.1";

  private volatile Socket socket;
  private volatile LineInput in;

  private SmtpDialogue(Socket socket) throws IOException {
    attach(socket);
  }

  /** Connects to this port on 127.0.0.1, with a 10 s connect and read timeout. */
  public static SmtpDialogue connect(int port) {
    return connect(port, TIMEOUT);
  }

  /** Connects to this port on 127.0.0.1; the timeout bounds the connect and every read. */
  public static SmtpDialogue connect(int port, Duration timeout) {
    return open(new Socket(), LOOPBACK, port, timeout);
  }

  /** Connects to this host and port, with a 10 s connect and read timeout. */
  public static SmtpDialogue connect(String host, int port) {
    return open(new Socket(), host, port, TIMEOUT);
  }

  /** Connects with implicit TLS (SMTPS): the handshake comes before the greeting. */
  public static SmtpDialogue connectTls(String host, int port, SSLContext trust) {
    try {
      return open(trust.getSocketFactory().createSocket(), host, port, TIMEOUT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SmtpDialogue open(Socket socket, String host, int port, Duration timeout) {
    int millis = Math.toIntExact(timeout.toMillis());
    try {
      // a test's writes reach the server when the test makes them, not when Nagle decides
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(millis);
      socket.connect(new InetSocketAddress(host, port), millis);
      return new SmtpDialogue(socket);
    } catch (IOException e) {
      try {
        socket.close();
      } catch (IOException alsoFailed) {
        e.addSuppressed(alsoFailed);
      }
      throw new UncheckedIOException("connect to " + host + ":" + port, e);
    }
  }

  private void attach(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new LineInput(socket.getInputStream());
  }

  /**
   * Shakes hands over this connection, once the server has answered 220 to STARTTLS; from then on
   * the dialogue speaks TLS. {@code serverName} is the name sent for SNI.
   */
  public SmtpDialogue upgradeToTls(SSLContext trust, String serverName) {
    try {
      // what was read past the 220 would be lost under TLS; a server must not send it (RFC 3207)
      if (in.buffered() > 0) {
        throw new IllegalStateException("the server sent bytes after 220, before the handshake");
      }
      SSLSocket tls =
          (SSLSocket)
              trust.getSocketFactory().createSocket(socket, serverName, socket.getPort(), true);
      tls.startHandshake();
      attach(tls);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends a line followed by CRLF, in UTF-8. */
  public SmtpDialogue send(String line) {
    return sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Sends these lines in one write, each followed by CRLF: a pipelined batch. */
  public SmtpDialogue pipeline(String... lines) {
    return send(String.join("\r\n", lines));
  }

  /** Sends the text as it is, one byte a character (ISO-8859-1): no CRLF is added. */
  public SmtpDialogue sendRaw(String text) {
    return sendRaw(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  public SmtpDialogue sendRaw(byte[] bytes) {
    try {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends a command and reads its reply. */
  public Reply command(String line) {
    return send(line).reply();
  }

  /**
   * DATA and, once the server answers 354, the message, dot-stuffed, with its final dot: the reply
   * to the end of the data, or DATA's own if it was refused.
   */
  public Reply data(String message) {
    Reply go = command("DATA");
    return go.code() == 354 ? content(message) : go;
  }

  private Reply content(String message) {
    return sendRaw(DotStuffing.frame(message)).reply();
  }

  /** Reads one whole reply; fails if the server closes before its last line. */
  public Reply reply() {
    List<String> lines = new ArrayList<>();
    while (true) {
      String line = line();
      if (line == null) {
        throw new UncheckedIOException(
            new EOFException("the server closed the connection; reply so far: " + lines));
      }
      lines.add(line);
      if (Reply.isLast(line)) {
        return new Reply(lines);
      }
    }
  }

  /** Reads the next reply and checks it is exactly {@code expected}, lines joined by CRLF. */
  public SmtpDialogue expect(String expected) {
    Reply reply = reply();
    if (!reply.text().equals(expected)) {
      throw mismatch("the reply " + quoted(expected), reply);
    }
    return this;
  }

  /** Reads the next reply and checks it starts with {@code prefix}. */
  public SmtpDialogue expectStart(String prefix) {
    Reply reply = reply();
    if (!reply.text().startsWith(prefix)) {
      throw mismatch("a reply starting with " + quoted(prefix), reply);
    }
    return this;
  }

  /** Reads the next reply and checks its code. */
  public SmtpDialogue expectCode(int code) {
    Reply reply = reply();
    if (reply.code() != code) {
      throw mismatch("a " + code + " reply", reply);
    }
    return this;
  }

  private static AssertionError mismatch(String expected, Reply actual) {
    return new AssertionError("expected " + expected + "\nbut got " + quoted(actual.text()));
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\r\n", "\\r\\n") + "\"";
  }

  /** Reads a line up to LF, without its CRLF, in UTF-8; what is left at end of stream, or null. */
  public String line() {
    try {
      return in.line();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads whatever arrives until the server closes; fails when the read times out first. */
  public byte[] readToEnd() {
    try {
      return in.rest();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How the server ended the connection, as seen by the next reads. */
  public enum Closed {
    FIN,
    RESET,
    /** Nothing ended it within the read timeout. */
    OPEN
  }

  /** Reads, discarding, until end of stream: FIN, RST, or still open when the read times out. */
  public Closed closedHow() {
    try {
      in.skipToEnd();
      return Closed.FIN;
    } catch (SocketTimeoutException e) {
      return Closed.OPEN;
    } catch (SocketException e) {
      return Closed.RESET;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One whole session on a new connection: EHLO, MAIL, a RCPT per recipient, DATA and, if it gets
   * 354, the message, then QUIT; every reply from EHLO's to QUIT's, in order.
   */
  public static List<Reply> sendMail(int port, String from, List<String> to, String message) {
    try (SmtpDialogue smtp = connect(port)) {
      smtp.reply(); // the greeting
      List<Reply> replies = new ArrayList<>();
      replies.add(smtp.command("EHLO client.test"));
      replies.add(smtp.command("MAIL FROM:<" + from + ">"));
      for (String recipient : to) {
        replies.add(smtp.command("RCPT TO:<" + recipient + ">"));
      }
      Reply go = smtp.command("DATA");
      replies.add(go);
      if (go.code() == 354) {
        replies.add(smtp.content(message));
      }
      replies.add(smtp.command("QUIT"));
      return replies;
    }
  }

  /** The socket now under the dialogue (the TLS one after {@link #upgradeToTls}). */
  public Socket socket() {
    return socket;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
