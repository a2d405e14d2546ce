package dev.smtpmock.internal.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link MessageView} over the unstuffed message data. Parsed on first use, since most messages
 * meet no rule that looks inside them. Tolerates bare LF line ends as well as CRLF.
 */
public final class ParsedMessageView implements MessageView {
  /** A header field: its name as written and its value unfolded, not decoded. */
  public record Header(String name, String value) {}

  private final byte[] data;
  private final long size;
  private List<Header> headers;
  private int bodyStart;

  public ParsedMessageView(byte[] data) {
    this(data, data.length);
  }

  /** {@code size}: the data's size as received, more than {@code data.length} when truncated. */
  public ParsedMessageView(byte[] data, long size) {
    this.data = data;
    this.size = size;
  }

  @Override
  public long size() {
    return size;
  }

  /** Every header field, in order. */
  public List<Header> headers() {
    parse();
    return List.copyOf(headers);
  }

  @Override
  public List<String> headerValues(String name) {
    parse();
    List<String> values = new ArrayList<>();
    for (Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        values.add(h.value());
      }
    }
    return values;
  }

  @Override
  public String body() {
    parse();
    return new String(data, bodyStart, data.length - bodyStart, StandardCharsets.UTF_8);
  }

  private void parse() {
    if (headers != null) {
      return;
    }
    headers = new ArrayList<>();
    StringBuilder current = null;
    int pos = 0;
    // With no blank line the whole data is header section and the body is empty.
    bodyStart = data.length;
    while (pos < data.length) {
      int end = lineEnd(pos);
      int next = end < data.length ? end + 1 : end;
      String line = lineText(pos, end);
      if (line.isEmpty()) {
        bodyStart = next;
        break;
      }
      char first = line.charAt(0);
      if ((first == ' ' || first == '\t') && current != null) {
        current.append(line); // unfolding drops the line break and keeps the whitespace
      } else {
        add(current);
        current = line.indexOf(':') > 0 ? new StringBuilder(line) : null;
      }
      pos = next;
    }
    add(current);
  }

  private int lineEnd(int from) {
    int i = from;
    while (i < data.length && data[i] != '\n') {
      i++;
    }
    return i;
  }

  private String lineText(int from, int lfIndex) {
    int end = lfIndex > from && data[lfIndex - 1] == '\r' ? lfIndex - 1 : lfIndex;
    return new String(data, from, end - from, StandardCharsets.UTF_8);
  }

  private void add(StringBuilder field) {
    if (field == null) {
      return;
    }
    int colon = field.indexOf(":");
    String name = field.substring(0, colon).strip();
    String value = field.substring(colon + 1).stripLeading();
    headers.add(new Header(name, value));
  }
}
