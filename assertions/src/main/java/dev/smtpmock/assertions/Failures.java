package dev.smtpmock.assertions;

import java.util.List;
import org.assertj.core.api.WritableAssertionInfo;

/** Builds every failure of the assertions, so that all carry AssertJ's description the same way. */
final class Failures {
  private Failures() {}

  static SmtpMockAssertionError of(
      WritableAssertionInfo info, String message, List<? extends CapturedSession> quoted) {
    return new SmtpMockAssertionError(described(info, message), ids(quoted));
  }

  /**
   * A failure comparing two values: the IDE shows {@code expected} and {@code actual} side by side.
   */
  static SmtpMockAssertionError comparing(
      WritableAssertionInfo info,
      String message,
      Object expected,
      Object actual,
      List<? extends CapturedSession> quoted) {
    return new SmtpMockAssertionError(described(info, message), expected, actual, ids(quoted));
  }

  private static String described(WritableAssertionInfo info, String message) {
    String description = info == null ? "" : info.descriptionText();
    return description.isEmpty() ? message : "[" + description + "] " + message;
  }

  private static List<String> ids(List<? extends CapturedSession> sessions) {
    return sessions.stream().map(CapturedSession::id).toList();
  }
}
