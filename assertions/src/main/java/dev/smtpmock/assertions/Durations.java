package dev.smtpmock.assertions;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Durations as scenarios write them ({@code 5s}, {@code 250ms}, {@code 5m}), not {@code PT5S}: for
 * failure messages, here and in the container's client.
 */
public final class Durations {
  private Durations() {}

  /** Whole milliseconds, in the largest unit that keeps them exact, or seconds with decimals. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
  }
}
