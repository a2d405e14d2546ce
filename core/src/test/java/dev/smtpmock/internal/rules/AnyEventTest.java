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
}
