package dev.smtpmock.assertions;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A message decoded, read through Jakarta Mail: the subject (RFC 2047), the text and HTML parts
 * decoded per transfer encoding and charset, the attachments, and a {@link MimeMessage}. Made from
 * the data as received; immutable.
 *
 * <pre>{@code
 * MimeView mail = MimeView.of(message.data());
 * mail.subject();        // "Grüße aus Köln", sent as =?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?=
 * mail.text();           // the text/plain part, decoded
 * mail.attachments();    // name, type and bytes of each
 * }</pre>
 */
public final class MimeView {
  /** Parsing needs a session, never a connection: one empty one serves every view. */
  private static final Session SESSION = Session.getInstance(new Properties());

  private final byte[] data;
  private final String subject;
  private final String rawBody;
  private final List<MessagePart> parts;

  private MimeView(byte[] data) {
    this.data = data.clone();
    MimeMessage message = mimeMessage();
    this.subject = decodeHeader(header(message, "Subject"));
    this.rawBody = rawBody(message);
    List<MessagePart> leaves = new ArrayList<>();
    collectLeaves(message, leaves);
    this.parts = List.copyOf(leaves);
  }

  /** The view of this message data (headers and body, as received). */
  public static MimeView of(byte[] data) {
    return new MimeView(data);
  }

  public static MimeView of(CapturedMessage message) {
    return new MimeView(message.data());
  }

  /**
   * A header value with its RFC 2047 encoded words decoded; the value itself when it has none or
   * names a charset Java lacks; null for null.
   */
  public static String decodeHeader(String value) {
    if (value == null) {
      return null;
    }
    try {
      return MimeUtility.decodeText(MimeUtility.unfold(value));
    } catch (UnsupportedEncodingException e) {
      return value;
    }
  }

  /** The decoded Subject, or null without one. */
  public String subject() {
    return subject;
  }

  /** The data after the first blank line as sent, not decoded, read as UTF-8 with replacement. */
  public String rawBody() {
    return rawBody;
  }

  /** The first text/plain part that is not an attachment, decoded; null without one. */
  public String text() {
    return firstText("text/plain");
  }

  /** The first text/html part that is not an attachment, decoded; null without one. */
  public String html() {
    return firstText("text/html");
  }

  /** The parts with a file name or {@code Content-Disposition: attachment}, in document order. */
  public List<Attachment> attachments() {
    return parts.stream()
        .filter(MessagePart::isAttachment)
        .map(p -> new Attachment(p.filename(), p.contentType(), p.content()))
        .toList();
  }

  /** Every leaf part in document order; multipart containers are not listed. */
  public List<MessagePart> parts() {
    return parts;
  }

  /** A new {@link MimeMessage} parsed from the data, each call its own. */
  public MimeMessage mimeMessage() {
    try {
      return new MimeMessage(SESSION, new ByteArrayInputStream(data));
    } catch (MessagingException e) {
      throw new IllegalStateException("the message data cannot be read as MIME", e);
    }
  }

  private String firstText(String type) {
    return parts.stream()
        .filter(p -> p.contentType().equals(type) && !p.isAttachment())
        .map(MessagePart::text)
        .findFirst()
        .orElse(null);
  }

  /**
   * Multiparts are read through their data source rather than {@code getContent()}, which would
   * need the activation framework's mailcap (missing from shaded jars). A multipart that cannot be
   * split (no boundary, say) is listed as one leaf: the view shows what arrived.
   */
  private void collectLeaves(MimePart part, List<MessagePart> leaves) {
    if (isMimeType(part, "multipart/*")) {
      try {
        MimeMultipart multipart = new MimeMultipart(part.getDataHandler().getDataSource());
        for (int i = 0; i < multipart.getCount(); i++) {
          // a MimeMultipart's parts are MimeBodyParts
          collectLeaves((MimeBodyPart) multipart.getBodyPart(i), leaves);
        }
        return;
      } catch (MessagingException e) {
        // read below as a leaf
      }
    }
    leaves.add(MessagePart.read(leaves.size(), part));
  }

  private static boolean isMimeType(MimePart part, String type) {
    try {
      return part.isMimeType(type);
    } catch (MessagingException e) {
      return false;
    }
  }

  private static String rawBody(MimeMessage message) {
    try (InputStream in = message.getRawInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | MessagingException e) {
      return "";
    }
  }

  private static String header(MimeMessage message, String name) {
    try {
      return message.getHeader(name, null);
    } catch (MessagingException e) {
      return null;
    }
  }

  /** A part with a file name: its decoded name, its type ({@code image/png}) and decoded bytes. */
  public record Attachment(String name, String contentType, byte[] content) {
    public Attachment {
      content = content.clone();
    }

    @Override
    public byte[] content() {
      return content.clone();
    }

    @Override
    public String toString() {
      return name + " (" + contentType + ", " + content.length + " bytes)";
    }
  }
}
