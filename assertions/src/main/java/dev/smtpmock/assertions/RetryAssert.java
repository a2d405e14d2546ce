package dev.smtpmock.assertions;

import java.time.Duration;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Assertions on how a client retried what the server refused: how long it waited, and where. */
public final class RetryAssert extends AbstractAssert<RetryAssert, RetryAssert.Retry> {

  /**
   * A refusal and the client's next attempt at the same thing.
   *
   * @param refused the refused command (or connection, or message) and the reply, as text
   * @param retry the next attempt and the reply it got, as text
   * @param waited from the refusal's reply to the retry
   */
  public record Retry(
      String refused, String refusedSession, String retry, String retrySession, Duration waited) {

    /** True when the retry came in another connection. */
    public boolean inNewSession() {
      return !refusedSession.equals(retrySession);
    }
  }

  private final List<? extends CapturedSession> sessions;

  RetryAssert(Retry actual, List<? extends CapturedSession> sessions) {
    super(actual, RetryAssert.class);
    this.sessions = List.copyOf(sessions);
  }

  /** The client waited at least this long before it tried again. */
  public RetryAssert waitedAtLeast(Duration minimum) {
    if (actual.waited().compareTo(minimum) < 0) {
      fail(
          "to have waited at least "
              + Durations.format(minimum)
              + ", but it waited "
              + Durations.format(actual.waited()));
    }
    return this;
  }

  /** The client tried again within this time. */
  public RetryAssert waitedAtMost(Duration maximum) {
    if (actual.waited().compareTo(maximum) > 0) {
      fail(
          "to have waited at most "
              + Durations.format(maximum)
              + ", but it waited "
              + Durations.format(actual.waited()));
    }
    return this;
  }

  /** The retry came in a new connection, as a greylisted client's does. */
  public RetryAssert inNewSession() {
    if (!actual.inNewSession()) {
      fail("to have retried in a new session, but it retried in session " + actual.retrySession());
    }
    return this;
  }

  /** The retry came in the same connection. */
  public RetryAssert inSameSession() {
    if (actual.inNewSession()) {
      fail(
          "to have retried in the same session, but it retried in session "
              + actual.retrySession());
    }
    return this;
  }

  private void fail(String expectation) {
    throw Failures.of(
        info,
        "Expecting the client, after\n  "
            + actual.refused()
            + " (session "
            + actual.refusedSession()
            + ")\nand retrying with\n  "
            + actual.retry()
            + " (session "
            + actual.retrySession()
            + "),\n"
            + expectation
            + "\ntranscripts:\n"
            + Quotes.transcripts(sessions),
        sessions);
  }
}
