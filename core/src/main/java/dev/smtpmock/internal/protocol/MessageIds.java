package dev.smtpmock.internal.protocol;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Message ids: 12 upper-case hex digits that never repeat in a server's lifetime. A counter is
 * scrambled by a bijection on 48 bits, so ids look like a real queue's and stay unique.
 */
public final class MessageIds {
  private static final long MASK = (1L << 48) - 1;
  private final AtomicLong counter = new AtomicLong();
  private final long salt;

  public MessageIds(long salt) {
    this.salt = salt & MASK;
  }

  public String next() {
    long x = (counter.incrementAndGet() ^ salt) & MASK;
    x = (x * 0x5DEECE66DL) & MASK;
    x ^= x >>> 24;
    x = (x * 0xB5AD4ECEDA1CE2A9L) & MASK;
    String hex = Long.toHexString(x | (1L << 48)).toUpperCase(java.util.Locale.ROOT);
    return hex.substring(1);
  }
}
