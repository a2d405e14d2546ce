package dev.smtpmock.internal.rules;

import static dev.smtpmock.internal.rules.Occurrences.mail;
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
  void aConnectRuleFiresOnTheFirstConnectionOnlyWhateverItsScope() {
    for (Scope per : List.of(Scope.CONNECTION, Scope.SERVER)) {
      Rule rule = Rule.when(Event.CONNECT).per(per).times(1).reply("421 4.3.2 Busy").build();
      RuleEngine engine = new RuleEngine(List.of(rule), 1);

      assertThat(engine.connection(1, "10.0.0.1").evaluate(Occurrences.connect()))
          .as("per: %s, connection 1", per)
          .isNotNull();
      assertThat(engine.connection(2, "10.0.0.1").evaluate(Occurrences.connect()))
          .as("per: %s, connection 2", per)
          .isNull();
      assertThat(engine.connection(3, "10.0.0.1").evaluate(Occurrences.connect()))
          .as("per: %s, connection 3", per)
          .isNull();
    }
  }

  @Test
  void firingsAreCountedServerWideAcrossTransactions() {
    Rule rule = Rule.when(Event.RCPT).per(Scope.TRANSACTION).times(1).reply("450 Later").build();
    RuleEngine engine = new RuleEngine(List.of(rule), 1);
    ConnectionRules first = engine.connection(1, "10.0.0.1");

    assertThat(first.evaluate(rcpt("a@example.org"))).isNotNull();
    assertThat(first.evaluate(rcpt("a@example.org"))).isNull();
    first.transactionEnded();
    assertThat(first.evaluate(rcpt("a@example.org"))).isNull();
    assertThat(engine.connection(2, "10.0.0.1").evaluate(rcpt("a@example.org"))).isNull();
  }

  @Test
  void perScopesNthButNotTimes() {
    Rule rule = Rule.when(Event.NOOP).nth(1).times(2).reply("421 Bye").build();
    RuleEngine engine = new RuleEngine(List.of(rule), 1);

    assertThat(engine.connection(1, "10.0.0.1").evaluate(Occurrences.noop())).isNotNull();
    assertThat(engine.connection(2, "10.0.0.1").evaluate(Occurrences.noop())).isNotNull();
    assertThat(engine.connection(3, "10.0.0.1").evaluate(Occurrences.noop())).isNull();
  }

  @Test
  void aKeyedPerConnectionRuleCountsEachKeyValueAcrossConnections() {
    Rule rule =
        Rule.when(Event.MAIL).key(CounterKey.SENDER).times(1).reply("451 4.7.1 Later").build();
    RuleEngine engine = new RuleEngine(List.of(rule), 1);
    ConnectionRules first = engine.connection(1, "10.0.0.1");
    ConnectionRules second = engine.connection(2, "10.0.0.2");

    assertThat(first.evaluate(mail("a@example.org"))).isNotNull();
    assertThat(second.evaluate(mail("a@example.org"))).isNull();
    assertThat(second.evaluate(mail("b@example.org"))).isNotNull();
    assertThat(first.evaluate(mail("b@example.org"))).isNull();
  }
}
