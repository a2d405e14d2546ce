package dev.smtpmock.testing;

import java.util.List;

/**
 * One whole SMTP reply as the server sent it: its lines without their CRLF, a multi-line reply's
 * {@code 250-} lines included.
 */
public record Reply(List<String> lines) {
  public Reply {
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a reply has at least one line");
    }
  }

  /** Whether this line ends a reply: only {@code NNN-} announces another line (RFC 5321 4.2.1). */
  static boolean isLast(String line) {
    return line.length() < 4 || line.charAt(3) != '-';
  }

  /** The three-digit code. */
  public int code() {
    String first = lines.get(0);
    if (first.length() < 3 || !first.substring(0, 3).chars().allMatch(Character::isDigit)) {
      throw new IllegalStateException("not an SMTP reply: " + text());
    }
    return Integer.parseInt(first.substring(0, 3));
  }

  /** The lines joined with CRLF, as on the wire but for the last CRLF. */
  public String text() {
    return String.join("\r\n", lines);
  }

  @Override
  public String toString() {
    return text();
  }
}
