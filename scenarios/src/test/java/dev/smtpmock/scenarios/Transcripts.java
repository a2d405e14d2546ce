package dev.smtpmock.scenarios;

import dev.smtpmock.SmtpSession;
import dev.smtpmock.SmtpSession.Direction;
import dev.smtpmock.SmtpSession.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads what the server answered to what, from a session's transcript. */
final class Transcripts {
  private Transcripts() {}

  /** The server's first reply to the first client line that starts with {@code command}. */
  static String replyTo(SmtpSession session, String command) {
    List<String> replies = repliesTo(session, command);
    if (replies.isEmpty()) {
      throw new AssertionError("no reply to " + command + " in\n" + session);
    }
    return replies.get(0);
  }

  /**
   * The server's reply to each client line that starts with {@code command} (case-insensitive), in
   * order; a multi-line reply is one string with its lines joined by CRLF.
   */
  static List<String> repliesTo(SmtpSession session, String command) {
    return replyLinesTo(session, command).stream().map(Line::text).toList();
  }

  /** Like {@link #repliesTo} but the whole transcript lines, with the rule that answered. */
  static List<Line> replyLinesTo(SmtpSession session, String command) {
    String prefix = command.toUpperCase(Locale.ROOT);
    List<Line> replies = new ArrayList<>();
    List<Line> lines = session.lines();
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      if (line.direction() == Direction.CLIENT
          && line.text().toUpperCase(Locale.ROOT).startsWith(prefix)) {
        for (int j = i + 1; j < lines.size(); j++) {
          if (lines.get(j).direction() == Direction.SERVER) {
            replies.add(lines.get(j));
            break;
          }
        }
      }
    }
    return replies;
  }

  /** The server's reply to the end of each message's data. */
  static List<String> repliesToData(SmtpSession session) {
    return repliesTo(session, "(message data");
  }

  /** The lines the server wrote, in order. */
  static List<String> serverLines(SmtpSession session) {
    return session.lines().stream()
        .filter(l -> l.direction() == Direction.SERVER)
        .map(Line::text)
        .toList();
  }
}
