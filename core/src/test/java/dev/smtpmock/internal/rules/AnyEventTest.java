package dev.smtpmock.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnyEventTest {
  private final Rule third = Rule.when(Event.ANY).nth(3).reply("421 4.4.2 Bye").build();
  private final ConnectionRules connection =
      new RuleEngine(List.of(third), 1).connection(1, "10.0.0.1");

  @Test
  void anyCountsEveryCommand() {
    assertThat(connection.evaluate(Occurrences.ehlo("client.test"))).isNull();
    assertThat(connection.evaluate(Occurrences.noop())).isNull();
    assertThat(connection.evaluate(Occurrences.mail("a@example.org"))).isNotNull();
  }

  @Test
  void anyCountsNeitherConnectNorTheMessage() {
    assertThat(connection.evaluate(Occurrences.connect())).isNull();
    assertThat(connection.evaluate(Occurrences.ehlo("client.test"))).isNull();
    assertThat(connection.evaluate(Occurrences.data())).isNull();
    assertThat(connection.evaluate(Occurrences.message("Subject: x\r\n\r\nbody"))).isNull();
    assertThat(connection.evaluate(Occurrences.rset())).isNotNull();
  }

  @Test
  void anyRulesAndEventRulesFireInSourceOrder() {
    Rule rcptFirst = Rule.when(Event.RCPT).match("first").reply("550 5.1.1 Rcpt").build();
    Rule any = Rule.when(Event.ANY).match("@example").reply("421 4.4.2 Any").build();
    Rule rcptLast = Rule.when(Event.RCPT).reply("450 4.2.0 Last").build();
    ConnectionRules connection =
        new RuleEngine(List.of(rcptFirst, any, rcptLast), 1).connection(1, "10.0.0.1");

    assertThat(connection.evaluate(Occurrences.rcpt("first@example.org")))
        .isEqualTo(new Match(rcptFirst, 0));
    assertThat(connection.evaluate(Occurrences.rcpt("second@example.org")))
        .isEqualTo(new Match(any, 1));
    assertThat(connection.evaluate(Occurrences.rcpt("third@elsewhere.test")))
        .isEqualTo(new Match(rcptLast, 2));
  }

  @Test
  void aRuleOnAnEventAndOnAnyCountsThatEventOnce() {
    Rule rule = Rule.when(Event.RCPT, Event.ANY).nth(2).reply("421 4.4.2 Bye").build();
    ConnectionRules connection = new RuleEngine(List.of(rule), 1).connection(1, "10.0.0.1");

    assertThat(connection.evaluate(Occurrences.rcpt("a@example.org"))).isNull();
    assertThat(connection.evaluate(Occurrences.rcpt("b@example.org"))).isNotNull();
  }
}
