package dev.smtpmock.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Rule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelayTest {
  private static final Rule RANGE =
      Rule.when(Event.NOOP).delay(Duration.ofSeconds(1), Duration.ofSeconds(3)).build();

  private static List<Duration> delays(long seed, int connectionNumber) {
    ConnectionRules connection =
        new RuleEngine(List.of(RANGE), seed).connection(connectionNumber, "10.0.0.1");
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      delays.add(connection.delayFor(connection.evaluate(Occurrences.noop())));
    }
    return delays;
  }

  @Test
  void aFixedDelayIsReturnedAsIs() {
    Rule rule = Rule.when(Event.NOOP).delay(Duration.ofMillis(1500)).build();
    ConnectionRules connection = new RuleEngine(List.of(rule), 1).connection(1, "10.0.0.1");

    assertThat(connection.delayFor(connection.evaluate(Occurrences.noop())))
        .isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void aRangeIsDrawnWithinItsBounds() {
    assertThat(delays(5, 1))
        .allSatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3)))
        .anySatisfy(d -> assertThat(d).isLessThan(Duration.ofMillis(1500)))
        .anySatisfy(d -> assertThat(d).isGreaterThan(Duration.ofMillis(2500)));
  }

  @Test
  void theDrawsRepeatForTheSameSeedAndConnection() {
    assertThat(delays(5, 3)).isEqualTo(delays(5, 3)).isNotEqualTo(delays(5, 4));
  }

  @Test
  void aRuleWithoutDelayWaitsNothing() {
    Rule rule = Rule.when(Event.NOOP).reply("250 OK").build();
    ConnectionRules connection = new RuleEngine(List.of(rule), 1).connection(1, "10.0.0.1");

    assertThat(connection.delayFor(connection.evaluate(Occurrences.noop())))
        .isEqualTo(Duration.ZERO);
  }
}
