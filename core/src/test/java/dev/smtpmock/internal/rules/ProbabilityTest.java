package dev.smtpmock.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Rule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbabilityTest {
  private static List<Boolean> outcomes(long seed, Rule rule, int connections, int noopsEach) {
    RuleEngine engine = new RuleEngine(List.of(rule), seed);
    List<Boolean> outcomes = new ArrayList<>();
    for (int n = 1; n <= connections; n++) {
      ConnectionRules connection = engine.connection(n, "10.0.0.1");
      for (int i = 0; i < noopsEach; i++) {
        outcomes.add(connection.evaluate(Occurrences.noop()) != null);
      }
    }
    return outcomes;
  }

  private final Rule coinFlip = Rule.when(Event.NOOP).probability(0.5).reply("421 Bye").build();

  @Test
  void theSameSeedAndConnectionNumbersGiveTheSameOutcomes() {
    assertThat(outcomes(42, coinFlip, 20, 10)).isEqualTo(outcomes(42, coinFlip, 20, 10));
  }

  @Test
  void anotherSeedGivesOtherOutcomes() {
    assertThat(outcomes(42, coinFlip, 20, 10)).isNotEqualTo(outcomes(43, coinFlip, 20, 10));
  }

  @Test
  void theChanceIsRoughlyP() {
    Rule rule = Rule.when(Event.NOOP).probability(0.3).reply("421 Bye").build();

    long fired = outcomes(7, rule, 100, 100).stream().filter(b -> b).count();

    assertThat(fired).isBetween(2_800L, 3_200L);
  }

  @Test
  void probabilityIsDrawnOnlyWhenEverythingElseHolds() {
    Rule rule = Rule.when(Event.NOOP).nth(3).probability(1.0).reply("421 Bye").build();

    assertThat(outcomes(1, rule, 1, 4)).containsExactly(false, false, true, false);
  }

  @Test
  void theDrawDoesNotDependOnOtherConnectionsInterleaving() {
    RuleEngine engine = new RuleEngine(List.of(coinFlip), 42);
    ConnectionRules one = engine.connection(1, "10.0.0.1");
    ConnectionRules two = engine.connection(2, "10.0.0.1");
    List<Boolean> interleaved = new ArrayList<>();
    List<Boolean> second = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      interleaved.add(one.evaluate(Occurrences.noop()) != null);
      second.add(two.evaluate(Occurrences.noop()) != null);
    }
    interleaved.addAll(second);

    assertThat(interleaved).isEqualTo(outcomes(42, coinFlip, 2, 10));
  }
}
