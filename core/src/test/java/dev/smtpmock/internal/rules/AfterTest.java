package dev.smtpmock.internal.rules;

import static dev.smtpmock.internal.rules.Occurrences.rcpt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Rule;
import dev.smtpmock.scenario.Scope;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AfterTest {
  @Test
  void firesOnEveryOccurrenceAfterTheFirstN() {
    Rule rule = Rule.when(Event.RCPT).after(3).reply("452 4.5.3 Too many recipients").build();
    ConnectionRules connection = new RuleEngine(List.of(rule), 1).connection(1, "10.0.0.1");

    List<Boolean> fired = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      fired.add(connection.evaluate(rcpt("r" + i + "@example.org")) != null);
    }

    assertThat(fired).containsExactly(false, false, false, true, true, true);
  }

  @Test
  void perServerCountsEveryConnectionsOccurrences() {
    Rule rule = Rule.when(Event.CONNECT).after(2).per(Scope.SERVER).reply("421 Busy").build();
    RuleEngine engine = new RuleEngine(List.of(rule), 1);

    List<Boolean> fired = new ArrayList<>();
    for (int n = 1; n <= 4; n++) {
      fired.add(engine.connection(n, "10.0.0.1").evaluate(Occurrences.connect()) != null);
    }

    assertThat(fired).containsExactly(false, false, true, true);
  }
}
