package dev.smtpmock.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Fault;
import dev.smtpmock.scenario.Rule;
import dev.smtpmock.scenario.Then;
import java.util.List;
import org.junit.jupiter.api.Test;

class AfterBytesTest {
  private static final Occurrence MESSAGE =
      Occurrences.of(Event.MESSAGE).sender("a@example.org").inTransaction().build();

  private static Rule.Builder cutAt(long bytes) {
    return Rule.when(Event.MESSAGE).afterBytes(bytes).fault(Fault.RESET);
  }

  @Test
  void thresholdsAreCrossedInIncreasingOrder() {
    Rule late = cutAt(1000).build();
    Rule early = cutAt(100).build();
    AfterBytesWatch watch =
        new RuleEngine(List.of(late, early), 1).connection(1, "10.0.0.1").watchMessage(MESSAGE);

    assertThat(watch.onBytes(99)).isNull();
    assertThat(watch.onBytes(2000)).isEqualTo(new Match(early, 1));
  }

  @Test
  void tiesGoInSourceOrder() {
    Rule first =
        Rule.when(Event.MESSAGE).afterBytes(500).reply("451 Later").then(Then.CLOSE).build();
    Rule second = cutAt(500).build();
    AfterBytesWatch watch =
        new RuleEngine(List.of(first, second), 1).connection(1, "10.0.0.1").watchMessage(MESSAGE);

    assertThat(watch.onBytes(500)).isEqualTo(new Match(first, 0));
  }

  @Test
  void aRuleWhoseMatchersFailIsPassedOver() {
    Rule tlsOnly = cutAt(100).tls(true).build();
    Rule later = cutAt(200).build();
    AfterBytesWatch watch =
        new RuleEngine(List.of(tlsOnly, later), 1).connection(1, "10.0.0.1").watchMessage(MESSAGE);

    assertThat(watch.onBytes(300)).isEqualTo(new Match(later, 1));
  }

  @Test
  void aMessageEndingBeforeTheThresholdCountsWithoutFiring() {
    Rule secondMessage = cutAt(1000).nth(2).build();
    RuleEngine engine = new RuleEngine(List.of(secondMessage), 1);
    ConnectionRules connection = engine.connection(1, "10.0.0.1");

    AfterBytesWatch first = connection.watchMessage(MESSAGE);
    assertThat(first.onBytes(10)).isNull();
    first.onEnd();
    AfterBytesWatch second = connection.watchMessage(MESSAGE);

    assertThat(second.onBytes(1000)).isEqualTo(new Match(secondMessage, 0));
    assertThat(engine.fired()).extracting(RuleFired::fired).containsExactly(1L);
  }

  @Test
  void aReachedThresholdIsNotCountedAgainAtTheEnd() {
    Rule secondMessage = cutAt(100).nth(2).tls(true).build();
    Rule third = cutAt(100).nth(3).build();
    ConnectionRules connection =
        new RuleEngine(List.of(secondMessage, third), 1).connection(1, "10.0.0.1");

    AfterBytesWatch first = connection.watchMessage(MESSAGE);
    first.onBytes(150);
    first.onEnd();
    AfterBytesWatch second = connection.watchMessage(MESSAGE);
    second.onBytes(150);
    second.onEnd();

    assertThat(connection.watchMessage(MESSAGE).onBytes(150)).isEqualTo(new Match(third, 1));
  }

  @Test
  void evaluateNeitherCountsNorReturnsAfterBytesRules() {
    Rule firstCut = cutAt(100).nth(1).build();
    Rule atEnd = Rule.when(Event.MESSAGE).reply("250 OK").build();
    ConnectionRules connection =
        new RuleEngine(List.of(firstCut, atEnd), 1).connection(1, "10.0.0.1");

    assertThat(connection.evaluate(MESSAGE)).isEqualTo(new Match(atEnd, 1));
    connection.countOnly(MESSAGE);
    assertThat(connection.watchMessage(MESSAGE).onBytes(100)).isEqualTo(new Match(firstCut, 0));
  }

  @Test
  void withoutAfterBytesRulesThereIsNothingToWatch() {
    Rule atEnd = Rule.when(Event.MESSAGE).reply("250 OK").build();

    assertThat(new RuleEngine(List.of(atEnd), 1).connection(1, "10.0.0.1").watchMessage(MESSAGE))
        .isNull();
  }
}
