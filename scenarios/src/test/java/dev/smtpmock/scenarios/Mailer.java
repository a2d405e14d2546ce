package dev.smtpmock.scenarios;

import dev.smtpmock.SmtpMockServer;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Jakarta Mail (Angus) set up as a careful application sets it up: bounded connect, read and write
 * timeouts, an explicit EHLO name, and TLS that trusts only the test CA. Each {@link #send} is one
 * connection, as {@code Transport.send} does.
 */
final class Mailer {
  static final String FROM = "app@example.test";
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private static final Pattern CODE = Pattern.compile("(?:^|response: )([2-5][0-9][0-9])[ -]");

  private final SmtpMockServer smtp;
  private final Properties properties = new Properties();
  private String user;
  private String password;

  private Mailer(SmtpMockServer smtp) {
    this.smtp = smtp;
    set("host", smtp.host());
    set("port", String.valueOf(smtp.port()));
    set("localhost", "app.example.test");
    timeouts(TIMEOUT);
  }

  /** A client of this server with 5 s timeouts. */
  static Mailer of(SmtpMockServer smtp) {
    return new Mailer(smtp);
  }

  /**
   * Connect, read and write timeouts ({@code mail.smtp.connectiontimeout/timeout/writetimeout}).
   */
  Mailer timeouts(Duration timeout) {
    String millis = String.valueOf(timeout.toMillis());
    set("connectiontimeout", millis);
    set("timeout", millis);
    return set("writetimeout", millis);
  }

  /** Sets {@code mail.smtp.KEY}. */
  Mailer set(String key, Object value) {
    properties.put("mail.smtp." + key, value);
    return this;
  }

  /** Delivers to the recipients that were accepted even when others were refused. */
  Mailer sendPartial() {
    return set("sendpartial", "true");
  }

  /** STARTTLS, required, with a socket factory that trusts only the server's test CA. */
  Mailer startTls() {
    set("ssl.socketFactory", trusting(smtp.trustStore()).getSocketFactory());
    set("ssl.checkserveridentity", "true");
    set("starttls.enable", "true");
    return set("starttls.required", "true");
  }

  /** Authenticates with SMTP AUTH before MAIL. */
  Mailer login(String user, String password) {
    this.user = user;
    this.password = password;
    return set("auth", "true");
  }

  Session session() {
    return Session.getInstance(properties);
  }

  /** A plain-text message from {@link #FROM}. */
  MimeMessage message(String subject, String... recipients) {
    try {
      MimeMessage message = new MimeMessage(session());
      message.setFrom(new InternetAddress(FROM));
      message.setRecipients(Message.RecipientType.TO, String.join(",", recipients));
      message.setSubject(subject);
      message.setText("Hello from the scenario test.\r\n");
      message.saveChanges();
      return message;
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends the message to all its recipients on a new connection. */
  void send(MimeMessage message) throws MessagingException {
    send(message, message.getAllRecipients());
  }

  /** Sends the message to these recipients on a new connection. */
  void send(MimeMessage message, Address... recipients) throws MessagingException {
    try (Transport transport = connect()) {
      transport.sendMessage(message, recipients);
    }
  }

  /** A connected transport, for several transactions on one connection; close it. */
  Transport connect() throws MessagingException {
    Transport transport = session().getTransport("smtp");
    if (user != null) {
      transport.connect(user, password);
    } else {
      transport.connect();
    }
    return transport;
  }

  /**
   * Sends as a careful application does: on a temporary failure (a 4xx, or a connection that failed
   * with no reply) it waits, doubling the wait each time, and sends the whole message again; on a
   * permanent one (5xx) it stops. Returns every attempt's outcome, null for success.
   */
  List<MessagingException> sendWithRetries(
      MimeMessage message, int maxAttempts, Duration firstWait) {
    List<MessagingException> attempts = new ArrayList<>();
    Duration wait = firstWait;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        send(message);
        attempts.add(null);
        return attempts;
      } catch (MessagingException e) {
        attempts.add(e);
        if (replyCode(e) / 100 == 5) {
          return attempts;
        }
      }
      pause(wait);
      wait = wait.multipliedBy(2);
    }
    return attempts;
  }

  /**
   * The reply code that decided a failure as Jakarta Mail reports it: the code of the failed
   * command, of the (first) refused recipient, of the AUTH exchange or of the greeting; -1 when no
   * reply explains it (a timeout, a reset, a close).
   */
  static int replyCode(MessagingException e) {
    if (e instanceof SMTPSendFailedException failed
        && failed.getReturnCode() >= 300
        && failed.getReturnCode() != 250) {
      return failed.getReturnCode();
    }
    if (e instanceof SMTPSenderFailedException sender) {
      return sender.getReturnCode();
    }
    List<SMTPAddressFailedException> refused = addressFailures(e);
    if (!refused.isEmpty()) {
      return refused.get(0).getReturnCode();
    }
    // AuthenticationFailedException carries the reply as its message; a bad greeting ends with it
    Matcher code = CODE.matcher(String.valueOf(e.getMessage()));
    return code.find() ? Integer.parseInt(code.group(1)) : -1;
  }

  /** The refusals of single recipients chained to a send failure, in RCPT order. */
  static List<SMTPAddressFailedException> addressFailures(MessagingException e) {
    List<SMTPAddressFailedException> result = new ArrayList<>();
    Exception next = e.getNextException();
    while (next != null) {
      if (next instanceof SMTPAddressFailedException refused) {
        result.add(refused);
      }
      next = next instanceof MessagingException m ? m.getNextException() : null;
    }
    return result;
  }

  /** The first line of a reply as Jakarta Mail hands it over (it keeps the trailing CRLF). */
  static String firstLine(String reply) {
    return reply.lines().findFirst().orElse("");
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static SSLContext trusting(KeyStore trustStore) {
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trustStore);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
