package dev.smtpmock.internal.rules;

import dev.smtpmock.scenario.CounterKey;
import dev.smtpmock.scenario.Matching;
import dev.smtpmock.scenario.Rule;
import dev.smtpmock.scenario.Scope;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;

/**
 * The rule state of one connection: its connection- and transaction-scope counters and its seeded
 * draws. Not thread-safe: the caller serializes one connection's calls.
 */
public final class ConnectionRules {
  // Keeps the delay draws apart from the probability draws made from the same seed.
  private static final long DELAY_STREAM = 0x64656C6179L;

  private final RuleEngine engine;
  private final List<Rule> rules;
  private final int connectionNumber;
  private final String clientIp;
  // Per rule without a key, its counter in this connection or transaction, made on first use;
  // only keyed rules need a map lookup.
  private final Counter[] connectionCounters;
  private final Counter[] transactionCounters;
  private final Map<CounterId, Counter> keyedConnectionCounters = new HashMap<>();
  private final Map<CounterId, Counter> keyedTransactionCounters = new HashMap<>();
  // Per rule, the occurrences of its events so far in this connection, whatever the scope: the
  // probability draw depends on this count alone (SPEC 2.4).
  private final long[] heard;
  // Per rule with a `match` pattern, a matcher made on first use and then reset for each text:
  // making one per rule per command was the main cost of matching many rules.
  private final Matcher[] matchers;
  private final SplittableRandom delays;

  ConnectionRules(RuleEngine engine, int connectionNumber, String clientIp) {
    this.engine = engine;
    this.rules = engine.rules();
    this.connectionNumber = connectionNumber;
    this.clientIp = clientIp;
    this.connectionCounters = new Counter[rules.size()];
    this.transactionCounters = new Counter[rules.size()];
    this.heard = new long[rules.size()];
    this.matchers = new Matcher[rules.size()];
    this.delays = new SplittableRandom(Draws.mix(engine.seed(), DELAY_STREAM, connectionNumber));
  }

  /**
   * Counts this occurrence for every rule listening to its event (and {@code any} rules for
   * commands), then returns the first rule in source order whose matchers all hold, or null. Rules
   * with {@code after-bytes} are left to {@link AfterBytesWatch}: neither counted nor returned.
   */
  public Match evaluate(Occurrence occurrence) {
    return evaluate(occurrence, engine.listeners(occurrence.event()));
  }

  /**
   * Implicit TLS: the connect occurrence for the connect rules with fault tls-failure alone,
   * evaluated when the TCP connection is accepted, before the handshake; {@link #evaluate} gives it
   * to the other connect rules after the handshake (SPEC 2.6).
   */
  public Match evaluateAtAccept(Occurrence connect) {
    return evaluate(connect, engine.acceptListeners());
  }

  private Match evaluate(Occurrence occurrence, int[] listeners) {
    // Each rule has counters of its own, so testing a rule as soon as it is counted gives what
    // counting all first would, without keeping what every rule's count told.
    Match match = null;
    long now = engine.now();
    for (int i : listeners) {
      boolean countHolds = count(i, occurrence, now);
      if (match == null && countHolds && fires(i, occurrence)) {
        match = new Match(rules.get(i), i);
      }
    }
    return match;
  }

  /**
   * Counts the occurrence for every listening rule and evaluates none: after a {@code bdat} rule
   * fired on {@code BDAT LAST}, the message is counted but no message rule is evaluated (SPEC 2.3).
   */
  public void countOnly(Occurrence occurrence) {
    long now = engine.now();
    for (int i : engine.listeners(occurrence.event())) {
      count(i, occurrence, now);
    }
  }

  /**
   * The transaction ended (final reply to the message, RSET, HELO/EHLO, STARTTLS): {@code per:
   * transaction} counters start again.
   */
  public void transactionEnded() {
    Arrays.fill(transactionCounters, null);
    keyedTransactionCounters.clear();
  }

  /**
   * Starts watching a message's data for {@code after-bytes} rules, which then count and fire
   * through the watch only; null when the scenario has none.
   */
  public AfterBytesWatch watchMessage(Occurrence messageOccurrence) {
    int[] order = engine.afterBytesOrder();
    return order.length == 0 ? null : new AfterBytesWatch(this, messageOccurrence, order);
  }

  /**
   * The rule's delay: a fixed one as is, a range drawn uniformly from this connection's seeded
   * source; {@link Duration#ZERO} when the rule has none.
   */
  public Duration delayFor(Match match) {
    Rule.Delay delay = match.rule().delay();
    if (delay == null) {
      return Duration.ZERO;
    }
    long spread = delay.max().toNanos() - delay.min().toNanos();
    if (spread <= 0) {
      return delay.min();
    }
    return delay.min().plusNanos(delays.nextLong(spread + 1));
  }

  /**
   * Counts one occurrence for rule {@code i} and tells whether its {@code nth}, {@code after} and
   * {@code rate} hold on it; false when its scope ignores it ({@code per: transaction} outside a
   * transaction).
   */
  boolean count(int i, Occurrence o, long now) {
    heard[i]++;
    Matching matching = rules.get(i).matching();
    if (matching.per() == Scope.TRANSACTION && !o.inTransaction()) {
      return false;
    }
    // Nothing else reads the count, so the other rules, most of them, skip the counter's lookup and
    // lock; `times` is not counted here but in the engine, server-wide (see takeFiring).
    return !matching.counts() || counter(i, matching, o).tick(now, matching);
  }

  private Counter counter(int i, Matching matching, Occurrence o) {
    return matching.keys().isEmpty() ? counter(i, matching.per()) : keyedCounter(i, matching, o);
  }

  private Counter counter(int i, Scope per) {
    if (per == Scope.SERVER) {
      return engine.serverCounter(i);
    }
    Counter[] counters = per == Scope.TRANSACTION ? transactionCounters : connectionCounters;
    if (counters[i] == null) {
      counters[i] = new Counter();
    }
    return counters[i];
  }

  private Counter keyedCounter(int i, Matching matching, Occurrence o) {
    CounterId id = new CounterId(i, keyValue(matching, o));
    return switch (matching.per()) {
      case SERVER -> engine.serverCounter(id);
      case TRANSACTION -> keyedTransactionCounters.computeIfAbsent(id, unused -> new Counter());
      case CONNECTION -> keyedConnectionCounters.computeIfAbsent(id, unused -> new Counter());
    };
  }

  /**
   * Whether rule {@code i}, whose count matchers hold on the occurrence just counted, fires on it;
   * records the firing if so. Times and probability come last: they are the only tests with a cost
   * (a firing, a draw).
   */
  boolean fires(int i, Occurrence o) {
    Matching matching = rules.get(i).matching();
    boolean fires =
        Matchers.hold(matching, o, connectionNumber, matcher(i, matching))
            && drawHolds(i, matching)
            && (matching.times() == null || takeFiring(i, matching, o));
    if (fires) {
      engine.recordFiring(i);
    }
    return fires;
  }

  /**
   * {@code times} is counted server-wide per key value whatever the rule's {@code per}, which
   * scopes {@code nth}, {@code after} and {@code rate} only (SPEC 2.4): {@code when: connect,
   * times: 1} refuses the first connection, not every one.
   */
  private boolean takeFiring(int i, Matching matching, Occurrence o) {
    return matching.keys().isEmpty()
        ? engine.takeFiring(i, matching.times())
        : engine.takeFiring(new CounterId(i, keyValue(matching, o)), matching.times());
  }

  long now() {
    return engine.now();
  }

  Rule rule(int i) {
    return rules.get(i);
  }

  private Matcher matcher(int i, Matching matching) {
    if (matchers[i] == null && matching.match() != null) {
      matchers[i] = matching.match().pattern().matcher("");
    }
    return matchers[i];
  }

  private boolean drawHolds(int i, Matching matching) {
    if (matching.probability() == null) {
      return true;
    }
    long seed = Draws.mix(engine.seed(), i, connectionNumber, heard[i]);
    return new SplittableRandom(seed).nextDouble() < matching.probability();
  }

  // One key's value is its own counter key, sparing a list per occurrence for the usual case.
  private Object keyValue(Matching matching, Occurrence o) {
    List<CounterKey> keys = matching.keys();
    if (keys.size() == 1) {
      return keyValue(keys.get(0), o);
    }
    String[] values = new String[keys.size()];
    for (int k = 0; k < values.length; k++) {
      values[k] = keyValue(keys.get(k), o);
    }
    return Arrays.asList(values);
  }

  private String keyValue(CounterKey key, Occurrence o) {
    return switch (key) {
      case CLIENT -> clientIp;
      case SENDER -> o.sender();
      case RECIPIENT -> o.recipient();
    };
  }
}
