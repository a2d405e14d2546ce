package dev.smtpmock.internal.rules;

import static dev.smtpmock.internal.rules.Occurrences.rcpt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Rule;
import dev.smtpmock.scenario.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionScopeTest {
  private final Rule secondCommand =
      Rule.when(Event.MAIL, Event.RCPT, Event.NOOP)
          .nth(2)
          .per(Scope.TRANSACTION)
          .reply("451 4.3.0 Later")
          .build();
  private final ConnectionRules connection =
      new RuleEngine(List.of(secondCommand), 1).connection(1, "10.0.0.1");

  @Test
  void occurrencesOutsideATransactionAreIgnored() {
    assertThat(connection.evaluate(Occurrences.noop())).isNull();
    assertThat(connection.evaluate(Occurrences.noop())).isNull();
    assertThat(connection.evaluate(Occurrences.mail("a@example.org"))).isNull();
    assertThat(connection.evaluate(rcpt("b@example.org"))).isNotNull();
  }

  @Test
  void transactionEndedStartsTheCountAgain() {
    connection.evaluate(Occurrences.mail("a@example.org"));
    connection.transactionEnded();

    assertThat(connection.evaluate(Occurrences.mail("a@example.org"))).isNull();
    assertThat(connection.evaluate(rcpt("b@example.org"))).isNotNull();
  }

  @Test
  void transactionEndedLeavesConnectionCountsAlone() {
    Rule perConnection = Rule.when(Event.RCPT).nth(2).reply("452 Too many").build();
    ConnectionRules connection =
        new RuleEngine(List.of(perConnection), 1).connection(1, "10.0.0.1");

    connection.evaluate(rcpt("a@example.org"));
    connection.transactionEnded();

    assertThat(connection.evaluate(rcpt("b@example.org"))).isNotNull();
  }

  @Test
  void aRuleWithNothingToCountIgnoresOccurrencesOutsideATransactionToo() {
    Rule inTransaction =
        Rule.when(Event.RCPT, Event.NOOP).per(Scope.TRANSACTION).reply("451 4.3.0 Later").build();
    ConnectionRules connection =
        new RuleEngine(List.of(inTransaction), 1).connection(1, "10.0.0.1");

    assertThat(connection.evaluate(Occurrences.noop())).isNull();
    assertThat(connection.evaluate(rcpt("b@example.org"))).isNotNull();
  }
}
