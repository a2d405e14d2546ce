package dev.smtpmock.internal.rules;

import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Matching;
import dev.smtpmock.scenario.Rule;
import dev.smtpmock.scenario.Scope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

/**
 * The compiled rules of one scenario with their server-wide state. A new engine means fresh
 * counters and {@code times}, which is what {@code reset()} and a scenario swap need. Thread-safe:
 * connections evaluate concurrently, each through its own {@link ConnectionRules}.
 */
public final class RuleEngine {
  private final List<Rule> rules;
  private final long seed;
  private final LongSupplier nanoClock;
  // Per rule with per: server and no key, its one counter, made up front so that connections share
  // it without a lookup; null for other rules. Keyed rules' server counters are in the map.
  private final Counter[] serverCounters;
  private final Map<CounterId, Counter> keyedServerCounters = new ConcurrentHashMap<>();
  private final AtomicLongArray fired;
  // `times` is counted server-wide whatever the rule's per (SPEC 2.4), so its firings live here:
  // per rule without a key a slot made up front, per rule and key value an entry made on first use.
  // Each holds the firings asked for, not only those granted; see takeFiring.
  private final AtomicLongArray firingsAsked;
  private final Map<CounterId, AtomicLong> keyedFiringsAsked = new ConcurrentHashMap<>();
  // By event ordinal, the indices of the rules that count its occurrences, in source order, so that
  // a command visits only those; after-bytes rules are left out, as AfterBytesWatch counts them.
  private final int[][] listeners;
  // Indices of the after-bytes rules by threshold; the sort is stable, so ties keep source order.
  private final int[] afterBytesOrder;
  // The connect rules with fault tls-failure: on an implicit-TLS server they are evaluated at
  // accept, before the handshake, and the connect listeners above leave them out (SPEC 2.6).
  private final int[] acceptListeners;

  public RuleEngine(List<Rule> rules, long seed) {
    this(rules, seed, System::nanoTime);
  }

  /** With a clock in nanoseconds for {@code rate}, so tests need not wait. */
  RuleEngine(List<Rule> rules, long seed, LongSupplier nanoClock) {
    this.rules = List.copyOf(rules);
    this.seed = seed;
    this.nanoClock = nanoClock;
    this.fired = new AtomicLongArray(this.rules.size());
    this.firingsAsked = new AtomicLongArray(this.rules.size());
    this.serverCounters = new Counter[this.rules.size()];
    for (int i = 0; i < serverCounters.length; i++) {
      Matching matching = this.rules.get(i).matching();
      if (matching.per() == Scope.SERVER && matching.keys().isEmpty()) {
        serverCounters[i] = new Counter();
      }
    }
    this.afterBytesOrder =
        IntStream.range(0, this.rules.size())
            .filter(i -> this.rules.get(i).matching().afterBytes() != null)
            .boxed()
            .sorted(Comparator.comparingLong(i -> this.rules.get(i).matching().afterBytes()))
            .mapToInt(Integer::intValue)
            .toArray();
    this.acceptListeners =
        IntStream.range(0, this.rules.size())
            .filter(i -> this.rules.get(i).failsTlsAtAccept())
            .toArray();
    this.listeners = new int[Event.values().length][];
    for (Event event : Event.values()) {
      listeners[event.ordinal()] =
          IntStream.range(0, this.rules.size())
              .filter(i -> this.rules.get(i).matching().afterBytes() == null)
              .filter(i -> Matchers.listens(this.rules.get(i).matching(), event))
              .filter(i -> event != Event.CONNECT || !this.rules.get(i).failsTlsAtAccept())
              .toArray();
    }
  }

  /** The state of one connection, numbered 1, 2, … server-wide in accept order. */
  public ConnectionRules connection(int connectionNumber, String clientIp) {
    return new ConnectionRules(this, connectionNumber, clientIp);
  }

  /** Fired counts per rule, in rule order. */
  public List<RuleFired> fired() {
    List<RuleFired> result = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      String name = rules.get(i).name();
      result.add(new RuleFired(name != null ? name : "rule " + (i + 1), fired.get(i)));
    }
    return result;
  }

  public List<Rule> rules() {
    return rules;
  }

  long seed() {
    return seed;
  }

  long now() {
    return nanoClock.getAsLong();
  }

  Counter serverCounter(int ruleIndex) {
    return serverCounters[ruleIndex];
  }

  Counter serverCounter(CounterId id) {
    return keyedServerCounters.computeIfAbsent(id, unused -> new Counter());
  }

  /**
   * Takes one of the {@code limit} firings of an unkeyed rule with {@code times}, if one is left.
   * One atomic increment and no lock: exactly the first {@code limit} askers get a number within
   * the limit, and asking past it changes nothing but a count no one reads.
   */
  boolean takeFiring(int ruleIndex, int limit) {
    return firingsAsked.incrementAndGet(ruleIndex) <= limit;
  }

  /** As {@link #takeFiring(int, int)}, for one key value of a keyed rule. */
  boolean takeFiring(CounterId id, int limit) {
    return keyedFiringsAsked.computeIfAbsent(id, unused -> new AtomicLong()).incrementAndGet()
        <= limit;
  }

  void recordFiring(int ruleIndex) {
    fired.incrementAndGet(ruleIndex);
  }

  int[] listeners(Event event) {
    return listeners[event.ordinal()];
  }

  int[] acceptListeners() {
    return acceptListeners;
  }

  int[] afterBytesOrder() {
    return afterBytesOrder;
  }
}
