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
}
