package dev.smtpmock.internal.rules;

import static dev.smtpmock.internal.rules.Occurrences.rcpt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.scenario.CounterKey;
import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Rule;
import dev.smtpmock.scenario.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimesTest {
  @Test
  void theRuleStopsMatchingAfterNFirings() {
    Rule rule = Rule.when(Event.NOOP).times(2).reply("421 Bye").build();
    ConnectionRules connection = new RuleEngine(List.of(rule), 1).connection(1, "10.0.0.1");

    assertThat(connection.evaluate(Occurrences.noop())).isNotNull();
    assertThat(connection.evaluate(Occurrences.noop())).isNotNull();
    assertThat(connection.evaluate(Occurrences.noop())).isNull();
  }

  @Test
  void onlyFiringsCountTowardsTimes() {
    Rule rule = Rule.when(Event.RCPT).match("bad").times(1).reply("550 5.1.1 No").build();
    ConnectionRules connection = new RuleEngine(List.of(rule), 1).connection(1, "10.0.0.1");

    assertThat(connection.evaluate(rcpt("good@example.org"))).isNull();
    assertThat(connection.evaluate(rcpt("good2@example.org"))).isNull();
    assertThat(connection.evaluate(rcpt("bad@example.org"))).isNotNull();
    assertThat(connection.evaluate(rcpt("bad2@example.org"))).isNull();
  }

  @Test
  void eachKeyValueHasItsOwnFirings() {
    Rule rule =
        Rule.when(Event.RCPT)
            .per(Scope.SERVER)
            .key(CounterKey.RECIPIENT)
            .times(1)
            .reply("450 4.2.0 Mailbox busy")
            .build();
    RuleEngine engine = new RuleEngine(List.of(rule), 1);

    assertThat(engine.connection(1, "10.0.0.1").evaluate(rcpt("a@example.org"))).isNotNull();
    assertThat(engine.connection(2, "10.0.0.1").evaluate(rcpt("a@example.org"))).isNull();
    assertThat(engine.connection(3, "10.0.0.1").evaluate(rcpt("b@example.org"))).isNotNull();
  }

  @Test
  void perTransactionFiringsStartAgainWithTheTransaction() {
    Rule rule = Rule.when(Event.RCPT).per(Scope.TRANSACTION).times(1).reply("450 Later").build();
    ConnectionRules connection = new RuleEngine(List.of(rule), 1).connection(1, "10.0.0.1");

    assertThat(connection.evaluate(rcpt("a@example.org"))).isNotNull();
    assertThat(connection.evaluate(rcpt("a@example.org"))).isNull();
    connection.transactionEnded();
    assertThat(connection.evaluate(rcpt("a@example.org"))).isNotNull();
  }
}
