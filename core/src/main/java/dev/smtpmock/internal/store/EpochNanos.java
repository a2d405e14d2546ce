package dev.smtpmock.internal.store;

import java.time.Instant;

/**
 * Instants stored as nanoseconds since the epoch: a stored message or session that keeps a {@code
 * long} instead of an {@link Instant} is one object less for every garbage collection to copy. Good
 * until the year 2262.
 */
public final class EpochNanos {
  private EpochNanos() {}

  public static long of(Instant at) {
    return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
  }

  public static Instant instant(long epochNanos) {
    return Instant.ofEpochSecond(0, epochNanos);
  }
}
