package dev.smtpmock.internal.rules;

import dev.smtpmock.scenario.Matching;
import dev.smtpmock.scenario.Rule;
import java.util.ArrayDeque;

/**
 * The state of one rule in one scope for one key value: occurrences and recent occurrence times
 * (for {@code rate}). {@code times} is not here: it is server-wide whatever the scope, so the
 * engine keeps it. Synchronized because server-scope counters are shared by every connection;
 * uncontended elsewhere.
 */
final class Counter {
  private long count;
  // The times of the occurrences still in the rate window, at most N+1 of them: enough to tell
  // whether N is exceeded, and no more memory than the occurrences seen however large N is.
  private ArrayDeque<Long> recent;

  /**
   * Counts one occurrence and tells whether the rule's {@code nth}, {@code after} and {@code rate}
   * hold on it.
   */
  synchronized boolean tick(long now, Matching matching) {
    count++;
    boolean rateExceeded = matching.rate() != null && recordAndTest(now, matching.rate());
    return (matching.nth() == null || count == matching.nth())
        && (matching.after() == null || count > matching.after())
        && (matching.rate() == null || rateExceeded);
  }

  private boolean recordAndTest(long now, Rule.Rate rate) {
    if (recent == null) {
      recent = new ArrayDeque<>();
    }
    recent.addLast(now);
    long window = rate.window().toNanos();
    while (!recent.isEmpty()
        && (recent.size() > rate.count() + 1 || now - recent.peekFirst() >= window)) {
      recent.removeFirst();
    }
    return recent.size() > rate.count();
  }
}
