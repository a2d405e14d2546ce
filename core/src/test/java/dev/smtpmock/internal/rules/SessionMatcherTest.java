package dev.smtpmock.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionMatcherTest {
  private static boolean fires(Rule rule, Occurrence occurrence) {
    return new RuleEngine(List.of(rule), 1).connection(1, "10.0.0.1").evaluate(occurrence) != null;
  }

  @Test
  void tlsHoldsOnlyInTheNamedState() {
    Rule rule = Rule.when(Event.MAIL).tls(false).reply("530 5.7.0 Must issue STARTTLS").build();

    assertThat(fires(rule, Occurrences.of(Event.MAIL).tls(false).build())).isTrue();
    assertThat(fires(rule, Occurrences.of(Event.MAIL).tls(true).build())).isFalse();
  }

  @Test
  void authenticatedHoldsOnlyInTheNamedState() {
    Rule rule = Rule.when(Event.MAIL).authenticated(true).reply("250 OK").build();

    assertThat(fires(rule, Occurrences.of(Event.MAIL).authenticated(true).build())).isTrue();
    assertThat(fires(rule, Occurrences.of(Event.MAIL).authenticated(false).build())).isFalse();
  }
}
