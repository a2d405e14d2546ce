package dev.smtpmock.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A bare SMTP client over one socket: write bytes, read whole (multi-line) replies. */
public final class LineClient implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final StringBuilder lastReply = new StringBuilder();

  private LineClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
  }

  /** Connects to 127.0.0.1:port with the given connect and read timeouts. */
  public static LineClient connect(int port, int timeoutMillis) {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(timeoutMillis);
      socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
      return new LineClient(socket);
    } catch (IOException e) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // the connect failed already
      }
      throw new UncheckedIOException("connect to 127.0.0.1:" + port, e);
    }
  }

  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  public void send(String line) throws IOException {
    write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
  }

  /** Reads one reply (all its lines) and returns its code; -1 at end of stream. */
  public int readReply() throws IOException {
    lastReply.setLength(0);
    while (true) {
      int start = lastReply.length();
      int b;
      while ((b = in.read()) != '\n') {
        if (b < 0) {
          return -1;
        }
        if (b != '\r') {
          lastReply.append((char) b);
        }
      }
      if (lastReply.length() - start < 3) {
        throw new IOException("not a reply line: " + lastReply);
      }
      boolean last = lastReply.length() - start == 3 || lastReply.charAt(start + 3) != '-';
      if (last) {
        return (lastReply.charAt(start) - '0') * 100
            + (lastReply.charAt(start + 1) - '0') * 10
            + (lastReply.charAt(start + 2) - '0');
      }
      lastReply.append('\n');
    }
  }

  /** Reads a reply and fails unless its code is the one expected. */
  public void expect(int code) throws IOException {
    int got = readReply();
    if (got != code) {
      throw new IOException(
          "expected " + code + ", got: " + (got < 0 ? "end of stream" : lastReply));
    }
  }

  /** The text of the last reply read. */
  public String lastReply() {
    return lastReply.toString();
  }

  public Socket socket() {
    return socket;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing
    }
  }
}
