package dev.smtpmock.assertions;

import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * A failed smtpmock assertion. Where a value was compared it carries the expected and the actual
 * value, which IDEs show as a diff; it names the sessions whose transcripts its message quotes, so
 * that the JUnit extension does not print them a second time.
 */
public final class SmtpMockAssertionError extends AssertionFailedError {
  private static final long serialVersionUID = 1L;

  private final transient List<String> quotedSessions;

  SmtpMockAssertionError(String message, List<String> quotedSessions) {
    super(message);
    this.quotedSessions = List.copyOf(quotedSessions);
  }

  SmtpMockAssertionError(
      String message, Object expected, Object actual, List<String> quotedSessions) {
    super(message, expected, actual);
    this.quotedSessions = List.copyOf(quotedSessions);
  }

  /** The ids of the sessions whose transcripts the message quotes. */
  public List<String> quotedSessions() {
    return quotedSessions;
  }
}
