package dev.smtpmock.internal.rules;

import static dev.smtpmock.internal.rules.Occurrences.rcpt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirstMatchTest {
  @Test
  void theFirstRuleInSourceOrderWhoseMatchersHoldFires() {
    Rule narrow = Rule.when(Event.RCPT).match("vip").reply("250 OK").build();
    Rule broad = Rule.when(Event.RCPT).reply("550 No").build();
    ConnectionRules connection =
        new RuleEngine(List.of(narrow, broad), 1).connection(1, "10.0.0.1");

    assertThat(connection.evaluate(rcpt("vip@example.org"))).isEqualTo(new Match(narrow, 0));
    assertThat(connection.evaluate(rcpt("joe@example.org"))).isEqualTo(new Match(broad, 1));
  }

  @Test
  void laterRulesStillCountWhenAnEarlierOneFires() {
    Rule always = Rule.when(Event.RCPT).times(2).reply("450 Later").build();
    Rule third = Rule.when(Event.RCPT).nth(3).reply("452 4.5.3 Too many").build();
    ConnectionRules connection =
        new RuleEngine(List.of(always, third), 1).connection(1, "10.0.0.1");

    assertThat(connection.evaluate(rcpt("a@example.org"))).isEqualTo(new Match(always, 0));
    assertThat(connection.evaluate(rcpt("b@example.org"))).isEqualTo(new Match(always, 0));
    assertThat(connection.evaluate(rcpt("c@example.org"))).isEqualTo(new Match(third, 1));
  }

  @Test
  void noMatchingRuleGivesNull() {
    Rule rule = Rule.when(Event.MAIL).reply("550 No").build();
    ConnectionRules connection = new RuleEngine(List.of(rule), 1).connection(1, "10.0.0.1");

    assertThat(connection.evaluate(rcpt("a@example.org"))).isNull();
  }

  @Test
  void aListOfEventsCountsItsEventsTogether() {
    Rule rule = Rule.when(Event.MAIL, Event.RCPT).nth(3).reply("421 Bye").build();
    ConnectionRules connection = new RuleEngine(List.of(rule), 1).connection(1, "10.0.0.1");

    assertThat(connection.evaluate(Occurrences.mail("a@example.org"))).isNull();
    assertThat(connection.evaluate(rcpt("b@example.org"))).isNull();
    assertThat(connection.evaluate(rcpt("c@example.org"))).isNotNull();
  }
}
