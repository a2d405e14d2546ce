package dev.smtpmock.runner;

import dev.smtpmock.SmtpSession;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Turns one transcript line into live output: text (coloured on a terminal) or JSON. */
interface LineFormat {
  /** The output for one line, without a trailing newline; may span several lines. */
  String format(String session, SmtpSession.Line line);

  /** The line announcing a new session, or null when the format has none. */
  String sessionOpened(String session);

  /** The line saying how a session ended, or null when the format has none. */
  String sessionEnded(String session, SmtpSession.End end);

  /**
   * The ready line (SPEC 6) with its fields: {@code smtp} as HOST:PORT, {@code admin} a URL or
   * {@code off}.
   */
  String ready(String smtp, String admin, String scenario, long seed);

  static LineFormat of(LogFormat format, boolean colour) {
    return format == LogFormat.json ? new JsonLines() : new Text(colour);
  }

  /** One JSON object per line, with SPEC 6's fields and nothing else. */
  final class JsonLines implements LineFormat {
    // JSON too, so that a reader of the output can parse every line it gets
    @Override
    public String ready(String smtp, String admin, String scenario, long seed) {
      return Json.string(new Json.Ready("ready", smtp, admin, scenario, Long.toString(seed)));
    }

    @Override
    public String format(String session, SmtpSession.Line line) {
      return Json.string(Json.LogLine.of(session, line));
    }

    @Override
    public String sessionOpened(String session) {
      return null;
    }

    // SPEC 6 fixes the JSON fields, and an end has no direction or text
    @Override
    public String sessionEnded(String session, SmtpSession.End end) {
      return null;
    }
  }

  /** {@code 10:00:00.123 S000001 C: EHLO x}; replies coloured by class, fired rules named. */
  final class Text implements LineFormat {
    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final String RESET = "\u001b[0m";
    private static final String DIM = "\u001b[2m";
    private static final String BOLD = "\u001b[1m";
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String MAGENTA = "\u001b[35m";
    private static final String CYAN = "\u001b[36m";

    private final boolean colour;

    Text(boolean colour) {
      this.colour = colour;
    }

    // uncoloured: scripts match this line (SPEC 6 fixes its form)
    @Override
    public String ready(String smtp, String admin, String scenario, long seed) {
      return "smtpmock ready smtp="
          + smtp
          + " admin="
          + admin
          + " scenario="
          + scenario
          + " seed="
          + seed;
    }

    @Override
    public String format(String session, SmtpSession.Line line) {
      boolean client = line.direction() == SmtpSession.Direction.CLIENT;
      String prefix =
          paint(DIM, TIME.format(line.at()))
              + " "
              + paint(CYAN, session)
              + (client ? " C: " : " S: ");
      String textColour = client ? "" : replyColour(line.text());
      StringBuilder out = new StringBuilder();
      // a multi-line reply is one transcript line with CRLFs inside: one output line each
      String[] parts = line.text().split("\r\n", -1);
      for (int i = 0; i < parts.length; i++) {
        out.append(i == 0 ? "" : "\n").append(prefix).append(paint(textColour, parts[i]));
      }
      if (line.rule() != null) {
        out.append("  ").append(paint(BOLD + MAGENTA, "<- rule " + line.rule()));
      }
      return out.toString();
    }

    @Override
    public String sessionOpened(String session) {
      return paint(BOLD + CYAN, "--- session " + session + " ---");
    }

    @Override
    public String sessionEnded(String session, SmtpSession.End end) {
      return paint(
          DIM + CYAN,
          "--- session " + session + " ended: " + end.name().toLowerCase(Locale.ROOT) + " ---");
    }

    private static String replyColour(String text) {
      char first = text.isEmpty() ? ' ' : text.charAt(0);
      return switch (first) {
        case '2', '3' -> GREEN;
        case '4' -> YELLOW;
        case '5' -> RED;
        default -> "";
      };
    }

    private String paint(String code, String text) {
      return colour && !code.isEmpty() ? code + text + RESET : text;
    }
  }
}
