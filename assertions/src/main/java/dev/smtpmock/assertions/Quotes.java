package dev.smtpmock.assertions;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** What failure messages quote: the transcript, or the message, so that no debugger is needed. */
final class Quotes {
  private static final int MAX_DATA = 2000;

  private Quotes() {}

  static String transcript(CapturedSession session) {
    return indent(session.toString());
  }

  static String transcripts(List<? extends CapturedSession> sessions) {
    if (sessions.isEmpty()) {
      return "  (no SMTP session was opened)";
    }
    return sessions.stream().map(Quotes::transcript).collect(Collectors.joining("\n\n"));
  }

  /** The message's summary, then its data as sent: headers and body. */
  static String message(CapturedMessage message) {
    String data = new String(message.data(), StandardCharsets.UTF_8);
    if (data.length() > MAX_DATA) {
      data = data.substring(0, MAX_DATA) + "… (" + data.length() + " characters)";
    }
    return indent(message + "\n" + data);
  }

  static String indent(String text) {
    return text.replace("\r\n", "\n").lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
  }
}
