package dev.smtpmock.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A raw SMTP client for tests: one command, one reply, exact bytes. */
final class SmtpDialogue implements AutoCloseable {
  private final Socket socket;
  private final BufferedReader in;
  private final OutputStream out;
  private final String greeting;

  SmtpDialogue(int port) {
    try {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(10_000);
      in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      out = socket.getOutputStream();
      greeting = reply();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String greeting() {
    return greeting;
  }

  /** Sends one command line and returns the whole reply, lines joined by \n. */
  String send(String line) {
    write(line + "\r\n");
    return reply();
  }

  /** DATA, the message, the final dot: returns the reply to the end of the data. */
  String data(String message) {
    String go = send("DATA");
    if (!go.startsWith("354")) {
      return go;
    }
    write(message.replace("\n.", "\n..") + "\r\n.\r\n");
    return reply();
  }

  /** A whole transaction; returns the reply to the end of the data. */
  static String sendMail(int port, String from, List<String> to, String subject, String body) {
    try (SmtpDialogue smtp = new SmtpDialogue(port)) {
      smtp.send("EHLO client.test");
      smtp.send("MAIL FROM:<" + from + ">");
      to.forEach(r -> smtp.send("RCPT TO:<" + r + ">"));
      String reply =
          smtp.data(
              "From: "
                  + from
                  + "\r\nTo: "
                  + String.join(", ", to)
                  + "\r\nSubject: "
                  + subject
                  + "\r\n\r\n"
                  + body);
      smtp.send("QUIT");
      return reply;
    }
  }

  private void write(String text) {
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String reply() {
    try {
      StringBuilder reply = new StringBuilder();
      while (true) {
        String line = in.readLine();
        if (line == null) {
          return reply.append("(closed)").toString();
        }
        reply.append(line);
        if (line.length() < 4 || line.charAt(3) != '-') {
          return reply.toString();
        }
        reply.append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing a test socket: nothing to do
    }
  }
}
