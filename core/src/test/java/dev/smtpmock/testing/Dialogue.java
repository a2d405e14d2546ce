package dev.smtpmock.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.SmtpMockServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw-socket SMTP client for dialogue tests: what is sent and read are exact bytes, so a test
 * sees the server's replies as a client would.
 */
public final class Dialogue implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private Dialogue(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Connects with a 5 s read timeout. */
  public static Dialogue connect(SmtpMockServer server) {
    return connect(server.port(), 5000);
  }

  public static Dialogue connect(int port, int readTimeoutMillis) {
    try {
      Socket socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(readTimeoutMillis);
      return new Dialogue(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends a line followed by CRLF. */
  public Dialogue send(String line) {
    return sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  public Dialogue sendRaw(String text) {
    return sendRaw(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  public Dialogue sendRaw(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one whole reply (all its lines, without the final CRLF; lines joined by CRLF). */
  public String reply() {
    List<String> lines = new ArrayList<>();
    while (true) {
      String line = line();
      if (line == null) {
        throw new AssertionError("connection closed; reply so far: " + lines);
      }
      lines.add(line);
      if (line.length() < 4 || line.charAt(3) != '-') {
        return String.join("\r\n", lines);
      }
    }
  }

  /** Reads the next reply and checks it is exactly {@code expected}. */
  public Dialogue expect(String expected) {
    assertThat(reply()).isEqualTo(expected);
    return this;
  }

  /** Reads the next reply and checks its first line starts with {@code prefix}. */
  public Dialogue expectStart(String prefix) {
    assertThat(reply()).startsWith(prefix);
    return this;
  }

  /** Reads a line up to CRLF, or null at end of stream. */
  public String line() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      int b;
      while ((b = in.read()) >= 0) {
        if (b == '\n') {
          byte[] bytes = buffer.toByteArray();
          int length =
              bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
          return new String(bytes, 0, length, StandardCharsets.UTF_8);
        }
        buffer.write(b);
      }
      return buffer.size() == 0 ? null : buffer.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads whatever arrives until the server closes; the bytes, or throws on timeout. */
  public byte[] readToEnd() {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How the server ended the connection, as seen by the next read. */
  public enum Closed {
    FIN,
    RESET,
    OPEN
  }

  /** Reads until end of stream: FIN, RST, or still open when the read times out. */
  public Closed closedHow() {
    try {
      while (in.read() >= 0) {
        // drain what is left
      }
      return Closed.FIN;
    } catch (SocketTimeoutException e) {
      return Closed.OPEN;
    } catch (SocketException e) {
      return Closed.RESET;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

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
