package dev.smtpmock.testing;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Non-ASCII mail as Angus Mail writes it, the way applications send it: encoded-word subjects,
 * quoted-printable and base64 bodies, an HTML mail with an attachment whose name is RFC 2231
 * encoded. The constants are what a decoder must give back.
 */
public final class MimeSamples {
  public static final String FROM = "app@example.test";
  public static final String TO = "jurgen@example.test";

  public static final String QP_SUBJECT = "Grüße aus Köln";
  public static final String QP_TEXT = "Hallo Jürgen,\r\nbis Freitag – schöne Grüße.";

  public static final String BASE64_SUBJECT = "Привет из Москвы — 東京";
  public static final String BASE64_TEXT = "Добрый день! Встреча в пятницу.\r\n金曜日に会いましょう。";

  public static final String HTML_SUBJECT = "Rechnung für März";
  public static final String HTML_PLAIN = "Ihre Rechnung für März liegt bei.";
  public static final String HTML = "<p>Ihre Rechnung für <b>März</b> liegt bei.</p>";
  public static final String ATTACHMENT_NAME = "Rechnung-März.pdf";
  public static final String ATTACHMENT_TYPE = "application/pdf";

  /**
   * Binary, as a PDF's second line is, so that it travels base64 and its bytes are kept exactly.
   */
  public static final byte[] ATTACHMENT =
      "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n\u0000".getBytes(StandardCharsets.ISO_8859_1);

  private MimeSamples() {}

  /** A text mail whose UTF-8 body is quoted-printable. */
  public static MimeMessage quotedPrintable(Session session) throws MessagingException {
    MimeMessage message = envelope(session, QP_SUBJECT);
    message.setText(QP_TEXT, "UTF-8");
    // Set, not left to Angus's guess, so the test knows which encoding it reads.
    message.setHeader("Content-Transfer-Encoding", "quoted-printable");
    return message;
  }

  /** A text mail whose UTF-8 body is base64. */
  public static MimeMessage base64(Session session) throws MessagingException {
    MimeMessage message = envelope(session, BASE64_SUBJECT);
    message.setText(BASE64_TEXT, "UTF-8");
    message.setHeader("Content-Transfer-Encoding", "base64");
    return message;
  }

  /** multipart/mixed: a multipart/alternative (text and HTML), then a PDF attachment. */
  public static MimeMessage htmlWithAttachment(Session session) throws MessagingException {
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(HTML_PLAIN, "UTF-8");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(HTML, "UTF-8", "html");
    MimeMultipart alternative = new MimeMultipart("alternative", plain, html);
    MimeBodyPart body = new MimeBodyPart();
    body.setContent(alternative);
    MimeBodyPart attachment = new MimeBodyPart();
    attachment.setDataHandler(
        new jakarta.activation.DataHandler(new ByteArrayDataSource(ATTACHMENT, ATTACHMENT_TYPE)));
    attachment.setFileName(ATTACHMENT_NAME);
    attachment.setDisposition(MimeBodyPart.ATTACHMENT);
    attachment.setHeader("Content-Transfer-Encoding", "base64");
    MimeMessage message = envelope(session, HTML_SUBJECT);
    message.setContent(new MimeMultipart("mixed", body, attachment));
    return message;
  }

  /** The bytes Angus Mail would send for this message (before dot-stuffing). */
  public static byte[] bytes(MimeMessage message) {
    try {
      message.saveChanges();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      message.writeTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A session for building messages only; sending takes the caller's. */
  public static Session offline() {
    return Session.getInstance(new Properties());
  }

  private static MimeMessage envelope(Session session, String subject) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(FROM));
    message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(TO));
    message.setSubject(subject, "UTF-8");
    return message;
  }
}
