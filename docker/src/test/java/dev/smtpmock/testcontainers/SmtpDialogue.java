package dev.smtpmock.testcontainers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One SMTP connection driven line by line, for exact replies. */
final class SmtpDialogue implements AutoCloseable {
  private final Socket socket;
  private final BufferedReader in;
  private final OutputStream out;

  private SmtpDialogue(Socket socket) throws IOException {
    this.socket = socket;
    socket.setSoTimeout(10_000);
    this.in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    this.out = socket.getOutputStream();
  }

  static SmtpDialogue open(SmtpMockContainer smtp) throws IOException {
    return new SmtpDialogue(new Socket(smtp.getSmtpHost(), smtp.getSmtpPort()));
  }

  /** The next whole reply; a multi-line reply's lines joined with CRLF. */
  String reply() throws IOException {
    StringBuilder reply = new StringBuilder();
    while (true) {
      String line = in.readLine();
      if (line == null) {
        throw new IOException("connection closed after: " + reply);
      }
      reply.append(reply.length() == 0 ? "" : "\r\n").append(line);
      if (line.length() < 4 || line.charAt(3) != '-') {
        return reply.toString();
      }
    }
  }

  /** Sends a command and returns its reply. */
  String send(String command) throws IOException {
    out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    return reply();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
