package dev.smtpmock.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample. */
public final class Stats {
  private Stats() {}

  /** The q-th percentile (0 < q <= 100) of the values, by nearest rank. */
  public static long percentile(long[] values, double q) {
    if (values.length == 0) {
      return -1;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  public static long max(long[] values) {
    return Arrays.stream(values).max().orElse(-1);
  }
}
