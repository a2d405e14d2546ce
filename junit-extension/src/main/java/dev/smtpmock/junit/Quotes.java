package dev.smtpmock.junit;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpSession;
import java.util.List;
import java.util.stream.Collectors;

/** What failure messages quote: the transcript, or the message, so that no debugger is needed. */
final class Quotes {
  private static final int MAX_BODY = 2000;

  private Quotes() {}

  static String transcript(SmtpSession session) {
    return indent(session.toString());
  }

  static String transcripts(List<SmtpSession> sessions) {
    if (sessions.isEmpty()) {
      return "  (no SMTP session was opened)";
    }
    return sessions.stream().map(Quotes::transcript).collect(Collectors.joining("\n\n"));
  }

  static String message(ReceivedMessage message) {
    String body = message.body() == null ? "" : message.body();
    if (body.length() > MAX_BODY) {
      body = body.substring(0, MAX_BODY) + "… (" + body.length() + " characters)";
    }
    String headers =
        message.headers().stream()
            .map(h -> h.name() + ": " + h.value())
            .collect(Collectors.joining("\n"));
    return indent(message + "\n" + headers + "\n\n" + body);
  }

  static String indent(String text) {
    return text.replace("\r\n", "\n").lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
  }
}
