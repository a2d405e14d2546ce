package dev.smtpmock.bench;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;
import javax.net.SocketFactory;

/** What a test's code under test does: send one message with Jakarta Mail (Angus). */
public final class Mail {
  private static final Session SESSION = session(false);
  private static final Session ABORTIVE = session(true);

  private Mail() {}

  private static Session session(boolean abortiveClose) {
    Properties p = new Properties();
    if (abortiveClose) {
      p.put("mail.smtp.socketFactory", new LingerZeroSocketFactory());
      p.put("mail.smtp.socketFactory.fallback", "false");
    }
    // no reverse lookup of this host for EHLO: every peer gets the same dialogue
    p.put("mail.smtp.localhost", "client.bench.test");
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "10000");
    p.put("mail.smtp.writetimeout", "10000");
    return Session.getInstance(p);
  }

  /**
   * Connects to 127.0.0.1:port (Jakarta Mail reads the 220 greeting and says EHLO), sends one small
   * message, and QUITs.
   */
  public static void send(int port) {
    send(port, SESSION);
  }

  /**
   * The same, but the client's socket closes with SO_LINGER 0 (a TCP RST): no socket of the
   * exchange is left in TIME_WAIT, on either side.
   */
  public static void sendClosingAbortively(int port) {
    send(port, ABORTIVE);
  }

  private static void send(int port, Session session) {
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress("sender@bench.test"));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress("rcpt@bench.test"));
      message.setSubject("per-test cost");
      message.setText("Hello from the benchmark.\r\n");
      try (Transport transport = session.getTransport("smtp")) {
        transport.connect("127.0.0.1", port, null, null);
        transport.sendMessage(message, message.getAllRecipients());
      }
    } catch (MessagingException e) {
      throw new IllegalStateException("sending to 127.0.0.1:" + port + " failed", e);
    }
  }

  /** Sockets that close with a TCP RST (SO_LINGER 0), leaving nothing in TIME_WAIT. */
  static final class LingerZeroSocketFactory extends SocketFactory {
    private static Socket lingerZero(Socket s) throws IOException {
      s.setSoLinger(true, 0);
      return s;
    }

    @Override
    public Socket createSocket() throws IOException {
      return lingerZero(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return lingerZero(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return lingerZero(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return lingerZero(new Socket(host, port));
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return lingerZero(new Socket(address, port, localAddress, localPort));
    }
  }
}
