package dev.smtpmock.assertions;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A leaf part of a message, its content decoded per transfer encoding.
 *
 * @param index its place among the message's leaf parts, from 0, in document order
 * @param contentType the type without parameters, lower case ({@code text/plain})
 * @param charset the {@code charset} parameter as sent, or null
 * @param filename the decoded file name (RFC 2231 or 2047), or null
 * @param disposition {@code inline}, {@code attachment} (lower case) or null
 * @param content the bytes after the transfer encoding is undone
 */
public record MessagePart(
    int index,
    String contentType,
    String charset,
    String filename,
    String disposition,
    byte[] content) {

  public MessagePart {
    content = content.clone();
  }

  static MessagePart read(int index, MimePart part) {
    ContentType type = contentType(part);
    return new MessagePart(
        index,
        type.getBaseType().toLowerCase(Locale.ROOT),
        type.getParameter("charset"),
        MimeView.decodeHeader(orNull(part::getFileName)),
        lower(orNull(part::getDisposition)),
        content(part));
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  /** The decoded size in bytes. */
  public int size() {
    return content.length;
  }

  /** A file name, or {@code Content-Disposition: attachment}. */
  public boolean isAttachment() {
    return filename != null || "attachment".equals(disposition);
  }

  /** A {@code text/*} part that is not an attachment: one the reader sees as text. */
  public boolean isText() {
    return contentType.startsWith("text/") && !isAttachment();
  }

  /**
   * The content decoded per its charset (UTF-8 when it names none, or one Java lacks) for a text
   * part; null for the others.
   */
  public String text() {
    return isText() ? new String(content, javaCharset()) : null;
  }

  private Charset javaCharset() {
    if (charset == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(MimeUtility.javaCharset(charset));
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  @Override
  public String toString() {
    return "part "
        + index
        + " "
        + contentType
        + (charset == null ? "" : "; charset=" + charset)
        + (filename == null ? "" : " \"" + filename + "\"")
        + (disposition == null ? "" : " " + disposition)
        + ", "
        + content.length
        + " bytes";
  }

  /** A part whose Content-Type cannot be parsed is read as what RFC 2045 §5.2 defaults to. */
  private static ContentType contentType(MimePart part) {
    try {
      return new ContentType(part.getContentType());
    } catch (MessagingException | RuntimeException e) {
      return new ContentType("text", "plain", null);
    }
  }

  /**
   * A transfer encoding Jakarta Mail cannot undo leaves the bytes as sent: the view shows what
   * arrived rather than failing.
   */
  private static byte[] content(MimePart part) {
    try (InputStream in = part.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException | MessagingException e) {
      return rawContent(part);
    }
  }

  private static byte[] rawContent(MimePart part) {
    try (InputStream in = rawStream(part)) {
      return in.readAllBytes();
    } catch (IOException | MessagingException e) {
      return new byte[0];
    }
  }

  /** The two kinds of part Jakarta Mail parses share no interface for their raw bytes. */
  private static InputStream rawStream(MimePart part) throws MessagingException {
    return part instanceof MimeMessage message
        ? message.getRawInputStream()
        : ((MimeBodyPart) part).getRawInputStream();
  }

  private static String lower(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  private interface MessagingSupplier {
    String get() throws MessagingException;
  }

  private static String orNull(MessagingSupplier value) {
    try {
      return value.get();
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }
}
