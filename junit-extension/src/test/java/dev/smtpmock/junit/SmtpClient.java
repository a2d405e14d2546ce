package dev.smtpmock.junit;

import dev.smtpmock.SmtpMockServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A bare SMTP client for samples: one command, one reply, exact text. */
final class SmtpClient implements AutoCloseable {
  private final Socket socket;
  private final BufferedReader in;
  private final OutputStream out;
  private final String greeting;

  private SmtpClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    this.out = socket.getOutputStream();
    this.greeting = readReply();
  }

  static SmtpClient connect(SmtpMockServer server) {
    return connect(server.port());
  }

  static SmtpClient connect(int port) {
    try {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(10_000);
      return new SmtpClient(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String greeting() {
    return greeting;
  }

  /**
   * Sends one line and returns the reply, its lines joined with \n; null when the server closed.
   */
  String send(String line) {
    try {
      out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      return readReply();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A whole transaction; returns the replies from EHLO to QUIT. */
  static List<String> sendMessage(SmtpMockServer server, String from, String... to) {
    try (SmtpClient client = connect(server)) {
      List<String> replies = new ArrayList<>();
      replies.add(client.send("EHLO client.test"));
      replies.add(client.send("MAIL FROM:<" + from + ">"));
      for (String recipient : to) {
        replies.add(client.send("RCPT TO:<" + recipient + ">"));
      }
      String data = client.send("DATA");
      replies.add(data);
      if (data != null && data.startsWith("354")) {
        replies.add(client.send("Subject: sample\r\n\r\nHello.\r\n."));
      }
      replies.add(client.send("QUIT"));
      return replies;
    }
  }

  private String readReply() throws IOException {
    StringBuilder reply = new StringBuilder();
    String line;
    while ((line = in.readLine()) != null) {
      reply.append(reply.length() == 0 ? "" : "\n").append(line);
      if (line.length() < 4 || line.charAt(3) != '-') {
        return reply.toString();
      }
    }
    return reply.length() == 0 ? null : reply.toString();
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
