package dev.smtpmock.internal.rules;

import static dev.smtpmock.internal.rules.Occurrences.rcpt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Rule;
import dev.smtpmock.scenario.Scope;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NthTest {
  private static List<Boolean> rcpts(ConnectionRules connection, int count) {
    List<Boolean> fired = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      fired.add(connection.evaluate(rcpt("r" + i + "@example.org")) != null);
    }
    return fired;
  }

  @Test
  void perConnectionFiresOnlyOnTheNthOccurrenceOfEachConnection() {
    Rule rule = Rule.when(Event.RCPT).nth(3).reply("452 4.5.3 Too many recipients").build();
    RuleEngine engine = new RuleEngine(List.of(rule), 1);

    assertThat(rcpts(engine.connection(1, "10.0.0.1"), 4))
        .containsExactly(false, false, true, false);
    assertThat(rcpts(engine.connection(2, "10.0.0.1"), 4))
        .containsExactly(false, false, true, false);
  }

  @Test
  void perServerCountsAcrossConnections() {
    Rule rule = Rule.when(Event.RCPT).nth(3).per(Scope.SERVER).reply("451 4.3.0 Later").build();
    RuleEngine engine = new RuleEngine(List.of(rule), 1);

    assertThat(rcpts(engine.connection(1, "10.0.0.1"), 2)).containsExactly(false, false);
    assertThat(rcpts(engine.connection(2, "10.0.0.2"), 2)).containsExactly(true, false);
    assertThat(rcpts(engine.connection(3, "10.0.0.3"), 3)).containsOnly(false);
  }

  @Test
  void perTransactionStartsAgainInEachTransaction() {
    Rule rule =
        Rule.when(Event.RCPT).nth(2).per(Scope.TRANSACTION).reply("452 4.5.3 Too many").build();
    ConnectionRules connection = new RuleEngine(List.of(rule), 1).connection(1, "10.0.0.1");

    assertThat(rcpts(connection, 3)).containsExactly(false, true, false);
    connection.transactionEnded();
    assertThat(rcpts(connection, 3)).containsExactly(false, true, false);
  }

  @Test
  void aNewEngineStartsWithFreshServerCounters() {
    Rule rule = Rule.when(Event.RCPT).nth(1).per(Scope.SERVER).reply("451 4.3.0 Later").build();
    RuleEngine first = new RuleEngine(List.of(rule), 1);
    rcpts(first.connection(1, "10.0.0.1"), 1);

    RuleEngine second = new RuleEngine(List.of(rule), 1);

    assertThat(rcpts(second.connection(1, "10.0.0.1"), 2)).containsExactly(true, false);
  }
}
