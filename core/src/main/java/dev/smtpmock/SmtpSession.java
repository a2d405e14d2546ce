package dev.smtpmock;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An immutable snapshot of one SMTP connection: who, when, how it ended, and its transcript (SPEC
 * 4.3). A session keeps at most 1 MB of transcript text; past that its last line says so, and later
 * lines reach only the live listeners ({@code SmtpMockServer.Builder.onLine}).
 */
public record SmtpSession(
    String id,
    int connection,
    String clientAddress,
    Instant startedAt,
    Instant endedAt,
    String tlsProtocol,
    String tlsCipher,
    String user,
    End end,
    List<Line> lines) {

  public SmtpSession {
    lines = List.copyOf(lines);
  }

  /** How a session ended. */
  public enum End {
    QUIT,
    CLIENT_CLOSED,
    FAULT,
    IDLE_TIMEOUT,
    SERVER_STOPPED;
  }

  /** Who wrote a line. */
  public enum Direction {
    CLIENT,
    SERVER;
  }

  /** The rule that produced a reply: its name (or {@code rule N}) and where it was written. */
  public record RuleRef(String name, String source, int line, int column) {
    @Override
    public String toString() {
      return source == null ? name : name + " (" + source + ":" + line + ":" + column + ")";
    }
  }

  /** One line of the transcript; {@code rule} is null for default behaviour and client lines. */
  public record Line(Instant at, Direction direction, String text, RuleRef rule) {
    @Override
    public String toString() {
      return (direction == Direction.CLIENT ? "C: " : "S: ")
          + text
          + (rule != null ? "    [rule " + rule + "]" : "");
    }
  }

  /** True while the connection is open. */
  public boolean isOpen() {
    return end == null;
  }

  /** The transcript as text, one line per command or reply line. */
  public String transcript() {
    return lines.stream().map(Line::toString).collect(Collectors.joining("\n"));
  }

  /** The commands the client sent, in order (lines from the client only). */
  public List<String> commands() {
    return lines.stream().filter(l -> l.direction() == Direction.CLIENT).map(Line::text).toList();
  }

  @Override
  public String toString() {
    return "session "
        + id
        + " (connection "
        + connection
        + " from "
        + clientAddress
        + (end != null ? ", ended: " + end : ", open")
        + ")\n"
        + transcript();
  }
}
