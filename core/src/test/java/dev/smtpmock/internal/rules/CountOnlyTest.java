package dev.smtpmock.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountOnlyTest {
  private static final String DATA = "Subject: x\r\n\r\nbody\r\n";

  @Test
  void countOnlyCountsWithoutFiring() {
    Rule first = Rule.when(Event.MESSAGE).nth(1).reply("554 No").build();
    Rule second = Rule.when(Event.MESSAGE).nth(2).reply("451 Later").build();
    RuleEngine engine = new RuleEngine(List.of(first, second), 1);
    ConnectionRules connection = engine.connection(1, "10.0.0.1");

    connection.countOnly(Occurrences.message(DATA));

    assertThat(connection.evaluate(Occurrences.message(DATA))).isEqualTo(new Match(second, 1));
    assertThat(engine.fired()).extracting(RuleFired::fired).containsExactly(0L, 1L);
  }

  @Test
  void countOnlyTakesNoFiringFromTimes() {
    Rule rule = Rule.when(Event.MESSAGE).times(1).reply("554 No").build();
    ConnectionRules connection = new RuleEngine(List.of(rule), 1).connection(1, "10.0.0.1");

    connection.countOnly(Occurrences.message(DATA));

    assertThat(connection.evaluate(Occurrences.message(DATA))).isNotNull();
  }
}
