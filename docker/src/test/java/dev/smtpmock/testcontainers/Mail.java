package dev.smtpmock.testcontainers;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;

/** Sends mail with Angus Mail (Jakarta Mail), the way an application under test would. */
final class Mail {
  private final Properties properties = new Properties();

  private Mail(String host, int port) {
    properties.put("mail.smtp.host", host);
    properties.put("mail.smtp.port", String.valueOf(port));
    properties.put("mail.smtp.localhost", "client.test");
    properties.put("mail.smtp.connectiontimeout", "10000");
    properties.put("mail.smtp.timeout", "10000");
    properties.put("mail.smtp.writetimeout", "10000");
  }

  static Mail to(String host, int port) {
    return new Mail(host, port);
  }

  static Mail to(SmtpMockContainer smtp) {
    return new Mail(smtp.getSmtpHost(), smtp.getSmtpPort());
  }

  /** STARTTLS required, with this socket factory, and the server's name checked. */
  Mail startTls(SSLSocketFactory sockets) {
    properties.put("mail.smtp.starttls.enable", "true");
    properties.put("mail.smtp.starttls.required", "true");
    properties.put("mail.smtp.ssl.socketFactory", sockets);
    properties.put("mail.smtp.ssl.checkserveridentity", "true");
    return this;
  }

  void send(String from, String to, String subject, String body) throws MessagingException {
    MimeMessage message = new MimeMessage(Session.getInstance(properties));
    message.setFrom(new InternetAddress(from));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
    message.setSubject(subject);
    message.setText(body);
    message.setHeader("X-Test", subject);
    Transport.send(message);
  }
}
