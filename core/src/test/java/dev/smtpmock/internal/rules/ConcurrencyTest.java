package dev.smtpmock.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Rule;
import dev.smtpmock.scenario.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int PER_THREAD = 1_000;

  private static long firingsAcrossThreads(RuleEngine engine) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Long>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int connectionNumber = t + 1;
        results.add(
            pool.submit(
                () -> {
                  ConnectionRules connection = engine.connection(connectionNumber, "10.0.0.1");
                  start.await();
                  long fired = 0;
                  for (int i = 0; i < PER_THREAD; i++) {
                    if (connection.evaluate(Occurrences.noop()) != null) {
                      fired++;
                    }
                  }
                  return fired;
                }));
      }
      start.countDown();
      long total = 0;
      for (Future<Long> result : results) {
        total += result.get(30, TimeUnit.SECONDS);
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aServerScopeNthRuleFiresExactlyOnceUnderContention() throws Exception {
    Rule rule = Rule.when(Event.NOOP).nth(4_321).per(Scope.SERVER).reply("421 Bye").build();
    RuleEngine engine = new RuleEngine(List.of(rule), 1);

    assertThat(firingsAcrossThreads(engine)).isEqualTo(1);
    assertThat(engine.fired()).extracting(RuleFired::fired).containsExactly(1L);
  }

  @Test
  void aServerScopeTimesLimitHoldsUnderContention() throws Exception {
    Rule rule = Rule.when(Event.NOOP).times(100).per(Scope.SERVER).reply("421 Bye").build();
    RuleEngine engine = new RuleEngine(List.of(rule), 1);

    assertThat(firingsAcrossThreads(engine)).isEqualTo(100);
  }

  @Test
  void aConnectionScopeTimesLimitHoldsServerWideUnderContention() throws Exception {
    Rule rule = Rule.when(Event.NOOP).times(100).reply("421 Bye").build();
    RuleEngine engine = new RuleEngine(List.of(rule), 1);

    assertThat(firingsAcrossThreads(engine)).isEqualTo(100);
  }
}
