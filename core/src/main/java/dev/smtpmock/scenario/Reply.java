package dev.smtpmock.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP reply: a three-digit code, an optional enhanced status code and one or more lines of text
 * (SPEC 2.7). Rendering to the wire, with {@code 452-} continuation lines, lives here only.
 */
public final class Reply {
  private static final Pattern CODE = Pattern.compile("([2-5][0-5][0-9])(?: (.*))?");
  private static final Pattern ENHANCED =
      Pattern.compile("([245])\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})(?: (.*))?");

  private final int code;
  private final String enhancedCode;
  private final List<String> lines;
  // Rendered on first use and kept: the server's constant replies are rendered once, not per
  // command. Racy but benign, as every thread renders the same string.
  private String rendered;

  private Reply(int code, String enhancedCode, List<String> lines) {
    this.code = code;
    this.enhancedCode = enhancedCode;
    this.lines = List.copyOf(lines);
  }

  /** A one-line reply; {@code enhancedCode} may be null. */
  public static Reply of(int code, String enhancedCode, String text) {
    return new Reply(code, enhancedCode, List.of(text == null ? "" : text));
  }

  /**
   * Parses {@code "452 4.5.3 Too many recipients"}.
   *
   * @throws IllegalArgumentException with a message that says what is wrong
   */
  public static Reply parse(String line) {
    return parse(List.of(line));
  }

  /**
   * Parses a multi-line reply: the first item starts with the code; a later item repeats the code
   * (and enhanced code) or starts with text.
   *
   * @throws IllegalArgumentException with a message that says what is wrong
   */
  public static Reply parse(List<String> items) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a reply needs at least one line");
    }
    for (String item : items) {
      if (item.indexOf('\r') >= 0 || item.indexOf('\n') >= 0) {
        throw new IllegalArgumentException(
            "a reply line may not contain CR or LF: give a list for a multi-line reply");
      }
    }
    Matcher first = CODE.matcher(items.get(0));
    if (!first.matches()) {
      throw new IllegalArgumentException(
          "'"
              + items.get(0)
              + "' is not a reply: it must start with a code of three digits, the first 2-5 and"
              + " the second 0-5, e.g. '452 4.5.3 Too many recipients'");
    }
    int code = Integer.parseInt(first.group(1));
    String rest = first.group(2) == null ? "" : first.group(2);
    String enhanced = null;
    Matcher esc = ENHANCED.matcher(rest);
    if (esc.matches()) {
      enhanced = esc.group(1) + "." + esc.group(2) + "." + esc.group(3);
      rest = esc.group(4) == null ? "" : esc.group(4);
    }
    List<String> texts = new ArrayList<>();
    texts.add(rest);
    for (String item : items.subList(1, items.size())) {
      texts.add(continuation(item, code, enhanced));
    }
    return new Reply(code, enhanced, texts);
  }

  private static String continuation(String item, int code, String enhanced) {
    Matcher m = CODE.matcher(item);
    if (!m.matches()) {
      return item;
    }
    if (Integer.parseInt(m.group(1)) != code) {
      throw new IllegalArgumentException(
          "line '" + item + "' has code " + m.group(1) + " but the reply's code is " + code);
    }
    String rest = m.group(2) == null ? "" : m.group(2);
    Matcher esc = ENHANCED.matcher(rest);
    if (enhanced != null && esc.matches()) {
      return esc.group(4) == null ? "" : esc.group(4);
    }
    return rest;
  }

  public int code() {
    return code;
  }

  /** The enhanced status code such as {@code 4.5.3}, or null. */
  public String enhancedCode() {
    return enhancedCode;
  }

  /** The text of each line, without code and enhanced code. */
  public List<String> lines() {
    return lines;
  }

  public boolean isPositive() {
    return code / 100 == 2;
  }

  /** The reply as it goes on the wire, every line ending in CRLF. */
  public String render() {
    String wire = rendered;
    if (wire == null) {
      wire = renderNow();
      rendered = wire;
    }
    return wire;
  }

  private String renderNow() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i);
      String content =
          enhancedCode == null ? text : text.isEmpty() ? enhancedCode : enhancedCode + ' ' + text;
      out.append(code);
      if (i < lines.size() - 1) {
        out.append('-').append(content);
      } else if (!content.isEmpty() || code == 334) {
        // RFC 5321 4.2: "Reply-code [ SP textstring ]", no space without text; but an AUTH
        // challenge is "334" SP [base64] (RFC 4954 4), and an empty one keeps its space
        out.append(' ').append(content);
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  /** The reply as written in a scenario: one string per line, each with its code. */
  public List<String> toLines() {
    String wire = render();
    List<String> result = new ArrayList<>();
    for (String line : wire.split("\r\n")) {
      result.add(
          line.length() > 4
              ? line.substring(0, 3) + ' ' + line.substring(4)
              : line.substring(0, 3));
    }
    return result;
  }

  /** The same reply with each line's text transformed, e.g. its placeholders filled in. */
  public Reply withText(java.util.function.UnaryOperator<String> transform) {
    return new Reply(code, enhancedCode, lines.stream().map(transform).toList());
  }

  /** The same reply without its enhanced status code. */
  public Reply withoutEnhancedCode() {
    return enhancedCode == null ? this : new Reply(code, null, lines);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reply r
        && r.code == code
        && Objects.equals(r.enhancedCode, enhancedCode)
        && r.lines.equals(lines);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, enhancedCode, lines);
  }

  @Override
  public String toString() {
    return render().stripTrailing().replace("\r\n", " | ");
  }
}
