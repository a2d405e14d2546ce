package dev.smtpmock.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleEngineTest {
  @Test
  void firedListsEveryRuleInOrderLabelledByNameOrPosition() {
    Rule named = Rule.when(Event.NOOP).name("slow noop").times(1).reply("250 OK").build();
    Rule unnamed = Rule.when(Event.NOOP).reply("250 Fine").build();
    Rule never = Rule.when(Event.QUIT).reply("221 Bye").build();
    RuleEngine engine = new RuleEngine(List.of(named, unnamed, never), 1);
    ConnectionRules connection = engine.connection(1, "10.0.0.1");

    connection.evaluate(Occurrences.noop());
    connection.evaluate(Occurrences.noop());
    connection.evaluate(Occurrences.noop());

    assertThat(engine.fired())
        .containsExactly(
            new RuleFired("slow noop", 1), new RuleFired("rule 2", 2), new RuleFired("rule 3", 0));
  }

  @Test
  void rulesAreKeptInOrder() {
    Rule a = Rule.when(Event.NOOP).reply("250 A").build();
    Rule b = Rule.when(Event.NOOP).reply("250 B").build();

    assertThat(new RuleEngine(List.of(a, b), 1).rules()).containsExactly(a, b);
  }

  @Test
  void anOccurrenceNeverHasTheAnyEvent() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> Occurrences.of(Event.ANY).build());
  }
}
