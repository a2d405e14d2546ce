package dev.smtpmock.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Rule;
import dev.smtpmock.scenario.Scope;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateTest {
  private long nanos;
  private final Rule rule =
      Rule.when(Event.CONNECT)
          .rate(2, Duration.ofSeconds(10))
          .per(Scope.SERVER)
          .reply("421 4.7.0 Too many connections")
          .build();
  private final RuleEngine engine = new RuleEngine(List.of(rule), 1, () -> nanos);
  private int connections;

  private boolean connectAt(long seconds) {
    nanos = Duration.ofSeconds(seconds).toNanos();
    return engine.connection(++connections, "10.0.0.1").evaluate(Occurrences.connect()) != null;
  }

  @Test
  void firesWhenTheOccurrencesInTheWindowExceedN() {
    assertThat(connectAt(0)).isFalse();
    assertThat(connectAt(1)).isFalse();
    assertThat(connectAt(2)).isTrue();
    assertThat(connectAt(3)).isTrue();
  }

  @Test
  void occurrencesLeaveTheWindowAsTimePasses() {
    connectAt(0);
    connectAt(1);

    assertThat(connectAt(10)).as("the one at 0s has left the 10s window").isFalse();
    assertThat(connectAt(11)).as("1s has left too, 10s and 11s remain").isFalse();
    assertThat(connectAt(12)).isTrue();
  }

  @Test
  void occurrencesAnsweredByTheRuleStillCount() {
    connectAt(0);
    connectAt(1);
    connectAt(2);
    connectAt(3);

    assertThat(connectAt(11)).as("2s, 3s and 11s are in the window").isTrue();
  }

  @Test
  void perConnectionKeepsEachConnectionsOwnWindow() {
    Rule perConnection =
        Rule.when(Event.NOOP).rate(1, Duration.ofSeconds(5)).reply("421 Slow down").build();
    RuleEngine engine = new RuleEngine(List.of(perConnection), 1, () -> nanos);
    ConnectionRules first = engine.connection(1, "10.0.0.1");
    ConnectionRules second = engine.connection(2, "10.0.0.1");

    assertThat(first.evaluate(Occurrences.noop())).isNull();
    assertThat(second.evaluate(Occurrences.noop())).isNull();
    assertThat(first.evaluate(Occurrences.noop())).isNotNull();
  }
}
