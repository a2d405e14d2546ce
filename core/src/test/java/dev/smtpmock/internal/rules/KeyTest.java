package dev.smtpmock.internal.rules;

import static dev.smtpmock.internal.rules.Occurrences.rcpt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.scenario.CounterKey;
import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Rule;
import dev.smtpmock.scenario.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyTest {
  private final Rule greylisting =
      Rule.when(Event.RCPT)
          .nth(1)
          .per(Scope.SERVER)
          .key(CounterKey.CLIENT)
          .key(CounterKey.SENDER)
          .key(CounterKey.RECIPIENT)
          .reply("450 4.7.1 Greylisted, try again later")
          .build();
  private final RuleEngine engine = new RuleEngine(List.of(greylisting), 1);

  private boolean deferred(int connection, String ip, String sender, String recipient) {
    return engine.connection(connection, ip).evaluate(rcpt(sender, recipient)) != null;
  }

  @Test
  void greylistingDefersTheFirstTripletOnly() {
    assertThat(deferred(1, "10.0.0.1", "a@example.org", "x@example.net")).isTrue();
    assertThat(deferred(2, "10.0.0.1", "a@example.org", "x@example.net")).isFalse();
  }

  @Test
  void greylistingDefersEachNewTripletOnce() {
    deferred(1, "10.0.0.1", "a@example.org", "x@example.net");

    assertThat(deferred(2, "10.0.0.1", "b@example.org", "x@example.net")).isTrue();
    assertThat(deferred(3, "10.0.0.1", "b@example.org", "x@example.net")).isFalse();
    assertThat(deferred(4, "10.0.0.2", "a@example.org", "x@example.net")).isTrue();
    assertThat(deferred(5, "10.0.0.1", "a@example.org", "y@example.net")).isTrue();
  }

  @Test
  void aMissingKeyValueIsAValueOfItsOwn() {
    Rule rule =
        Rule.when(Event.MAIL)
            .nth(1)
            .per(Scope.SERVER)
            .key(CounterKey.SENDER)
            .reply("450 4.7.1 Later")
            .build();
    RuleEngine engine = new RuleEngine(List.of(rule), 1);
    Occurrence nullSender = Occurrences.of(Event.MAIL).text("FROM:<>").inTransaction().build();

    assertThat(engine.connection(1, "10.0.0.1").evaluate(nullSender)).isNotNull();
    assertThat(engine.connection(2, "10.0.0.1").evaluate(nullSender)).isNull();
    assertThat(engine.connection(3, "10.0.0.1").evaluate(Occurrences.mail("a@example.org")))
        .isNotNull();
  }

  @Test
  void aMissingValueAmongSeveralKeysIsAValueOfItsOwn() {
    Rule rule =
        Rule.when(Event.MAIL)
            .nth(1)
            .per(Scope.SERVER)
            .key(CounterKey.CLIENT)
            .key(CounterKey.SENDER)
            .reply("450 4.7.1 Later")
            .build();
    RuleEngine engine = new RuleEngine(List.of(rule), 1);
    Occurrence nullSender = Occurrences.of(Event.MAIL).text("FROM:<>").inTransaction().build();

    assertThat(engine.connection(1, "10.0.0.1").evaluate(nullSender)).isNotNull();
    assertThat(engine.connection(2, "10.0.0.1").evaluate(nullSender)).isNull();
    assertThat(engine.connection(3, "10.0.0.2").evaluate(nullSender)).isNotNull();
  }

  @Test
  void rulesWithTheSameKeyValueCountApart() {
    Rule second =
        Rule.when(Event.RCPT)
            .nth(2)
            .per(Scope.SERVER)
            .key(CounterKey.RECIPIENT)
            .reply("452 4.2.2 Second")
            .build();
    Rule first =
        Rule.when(Event.RCPT)
            .nth(1)
            .per(Scope.SERVER)
            .key(CounterKey.RECIPIENT)
            .reply("450 4.2.0 First")
            .build();
    RuleEngine engine = new RuleEngine(List.of(second, first), 1);

    assertThat(engine.connection(1, "10.0.0.1").evaluate(rcpt("a@example.org")))
        .isEqualTo(new Match(first, 1));
    assertThat(engine.connection(2, "10.0.0.1").evaluate(rcpt("a@example.org")))
        .isEqualTo(new Match(second, 0));
  }

  @Test
  void perConnectionKeyedCountersAreTheConnectionsOwn() {
    Rule rule =
        Rule.when(Event.RCPT).nth(2).key(CounterKey.RECIPIENT).reply("452 4.2.2 Again").build();
    RuleEngine engine = new RuleEngine(List.of(rule), 1);
    ConnectionRules first = engine.connection(1, "10.0.0.1");
    ConnectionRules second = engine.connection(2, "10.0.0.1");

    assertThat(first.evaluate(rcpt("a@example.org"))).isNull();
    assertThat(first.evaluate(rcpt("b@example.org"))).isNull();
    assertThat(second.evaluate(rcpt("a@example.org"))).isNull();
    assertThat(first.evaluate(rcpt("a@example.org"))).isNotNull();
    assertThat(second.evaluate(rcpt("a@example.org"))).isNotNull();
  }

  @Test
  void perTransactionKeyedCountersStartAgainWithTheTransaction() {
    Rule keyed =
        Rule.when(Event.RCPT)
            .nth(2)
            .per(Scope.TRANSACTION)
            .key(CounterKey.RECIPIENT)
            .reply("452 4.2.2 Again")
            .build();
    Rule perConnection = Rule.when(Event.RCPT).nth(3).reply("452 4.5.3 Third").build();
    ConnectionRules connection =
        new RuleEngine(List.of(keyed, perConnection), 1).connection(1, "10.0.0.1");

    assertThat(connection.evaluate(rcpt("a@example.org"))).isNull();
    connection.transactionEnded();
    assertThat(connection.evaluate(rcpt("a@example.org"))).isNull();
    assertThat(connection.evaluate(rcpt("a@example.org"))).isEqualTo(new Match(keyed, 0));
    connection.transactionEnded();
    assertThat(connection.evaluate(rcpt("a@example.org"))).isNull();
  }
}
