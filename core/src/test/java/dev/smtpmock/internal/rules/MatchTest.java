package dev.smtpmock.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchTest {
  private static boolean fires(Rule rule, Occurrence occurrence) {
    return new RuleEngine(List.of(rule), 1).connection(1, "10.0.0.1").evaluate(occurrence) != null;
  }

  @Test
  void matchFindsAnywhereIgnoringCase() {
    Rule rule = Rule.when(Event.RCPT).match("@EXAMPLE\\.net").reply("550 5.1.1 No").build();

    assertThat(fires(rule, Occurrences.rcpt("bob@example.net"))).isTrue();
    assertThat(fires(rule, Occurrences.rcpt("bob@example.org"))).isFalse();
  }

  @Test
  void aLeadingCaseFlagOffMakesTheMatchCaseSensitive() {
    Rule rule = Rule.when(Event.RCPT).match("(?-i)Bob@").reply("550 5.1.1 No").build();

    assertThat(fires(rule, Occurrences.rcpt("Bob@example.net"))).isTrue();
    assertThat(fires(rule, Occurrences.rcpt("bob@example.net"))).isFalse();
  }

  @Test
  void mailRulesSeeTheArgumentAsSent() {
    Rule rule =
        Rule.when(Event.MAIL).match("^FROM:<a@example\\.org> SIZE=").reply("552 Big").build();
    Occurrence mail =
        Occurrences.of(Event.MAIL)
            .text("FROM:<a@example.org> SIZE=1000")
            .line("MAIL FROM:<a@example.org> SIZE=1000")
            .sender("a@example.org")
            .inTransaction()
            .build();

    assertThat(fires(rule, mail)).isTrue();
  }

  @Test
  void anyRulesSeeTheWholeCommandLine() {
    Rule rule = Rule.when(Event.ANY).match("^MAIL FROM:").reply("421 Bye").build();

    assertThat(fires(rule, Occurrences.mail("a@example.org"))).isTrue();
    assertThat(fires(rule, Occurrences.rcpt("a@example.org"))).isFalse();
  }

  @Test
  void heloRulesSeeTheDomain() {
    Rule rule = Rule.when(Event.EHLO).match("^client\\.test$").reply("550 Go away").build();

    assertThat(fires(rule, Occurrences.ehlo("CLIENT.test"))).isTrue();
    assertThat(fires(rule, Occurrences.ehlo("other.test"))).isFalse();
  }

  @Test
  void eachCommandOfAConnectionIsMatchedAfresh() {
    Rule rule = Rule.when(Event.RCPT, Event.ANY).match("^(TO:<bad|NOOP)").reply("550 No").build();
    ConnectionRules connection = new RuleEngine(List.of(rule), 1).connection(1, "10.0.0.1");

    assertThat(connection.evaluate(Occurrences.rcpt("bad@example.org"))).isNotNull();
    assertThat(connection.evaluate(Occurrences.rcpt("good@example.org"))).isNull();
    assertThat(connection.evaluate(Occurrences.noop())).isNotNull();
    assertThat(connection.evaluate(Occurrences.rcpt("b@example.org"))).isNull();
    assertThat(connection.evaluate(Occurrences.rcpt("bad@example.org"))).isNotNull();
  }
}
