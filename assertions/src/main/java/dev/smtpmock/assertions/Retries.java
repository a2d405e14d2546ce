package dev.smtpmock.assertions;

import dev.smtpmock.assertions.Dialogue.Exchange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.WritableAssertionInfo;

/** Finds a client's retry of what a reply refused, in one session or across a server's. */
final class Retries {
  private Retries() {}

  /**
   * The first reply with {@code code}, and the first later attempt at the same thing (in time,
   * whichever session it is in).
   */
  static RetryAssert after(
      List<? extends CapturedSession> sessions,
      int code,
      String where,
      WritableAssertionInfo info) {
    List<Exchange> all = new ArrayList<>();
    sessions.stream()
        .sorted(Comparator.comparing(CapturedSession::startedAt))
        .forEach(s -> all.addAll(Dialogue.of(s)));
    Optional<Exchange> refused = all.stream().filter(e -> e.code() == code).findFirst();
    if (refused.isEmpty()) {
      throw Failures.of(
          info,
          "Expecting a retry after a "
              + code
              + " reply in "
              + where
              + ", but no reply had code "
              + code
              + "\ntranscripts:\n"
              + Quotes.transcripts(sessions),
          sessions);
    }
    Exchange first = refused.get();
    Optional<Exchange> retry =
        all.stream()
            .filter(e -> e != first && e.retryKey().equals(first.retryKey()))
            .filter(e -> !e.sentAt().isBefore(first.repliedAt()))
            .min(Comparator.comparing(Exchange::sentAt));
    if (retry.isEmpty()) {
      throw Failures.of(
          info,
          "Expecting the client to retry after\n  "
              + first.describe()
              + "\nin session "
              + first.sessionId()
              + ", but it never tried again"
              + "\ntranscripts:\n"
              + Quotes.transcripts(sessions),
          sessions);
    }
    Exchange again = retry.get();
    RetryAssert.Retry result =
        new RetryAssert.Retry(
            first.describe(),
            first.sessionId(),
            again.describe(),
            again.sessionId(),
            Duration.between(first.repliedAt(), again.sentAt()));
    return new RetryAssert(result, sessions);
  }
}
