package dev.smtpmock.internal.rules;

/**
 * Seeds derived from the scenario seed, so that {@code probability} and {@code delay} outcomes
 * depend only on stable numbers (SPEC 2.4) and repeat from run to run.
 */
final class Draws {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Draws() {}

  /** Mixes the values in order into one well-spread 64-bit seed. */
  static long mix(long... values) {
    long h = 0;
    for (long v : values) {
      h = finalise((h + GOLDEN) ^ finalise(v + GOLDEN));
    }
    return h;
  }

  // SplitMix64's finaliser: a bijection, so distinct inputs never collide at one step.
  private static long finalise(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
