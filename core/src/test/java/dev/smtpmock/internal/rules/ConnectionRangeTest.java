package dev.smtpmock.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Rule;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConnectionRangeTest {
  private static List<Integer> connectionsThatFire(Rule rule) {
    RuleEngine engine = new RuleEngine(List.of(rule), 1);
    return IntStream.rangeClosed(1, 7)
        .filter(n -> engine.connection(n, "10.0.0.1").evaluate(Occurrences.connect()) != null)
        .boxed()
        .toList();
  }

  @Test
  void aSingleNumberLimitsTheRuleToThatConnection() {
    assertThat(connectionsThatFire(Rule.when(Event.CONNECT).connection(2).reply("421 No").build()))
        .containsExactly(2);
  }

  @Test
  void aListAndARangeCombine() {
    Rule rule = Rule.when(Event.CONNECT).connection(1, 1).connection(4, 6).reply("421 No").build();

    assertThat(connectionsThatFire(rule)).containsExactly(1, 4, 5, 6);
  }

  @Test
  void withoutConnectionsTheRuleHoldsOnEveryConnection() {
    assertThat(connectionsThatFire(Rule.when(Event.CONNECT).reply("421 No").build()))
        .containsExactly(1, 2, 3, 4, 5, 6, 7);
  }
}
