package dev.smtpmock.internal.rules;

import static dev.smtpmock.internal.rules.Occurrences.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageMatcherTest {
  private static final String MAIL =
      "From: a@example.org\r\nSubject: Quarterly\r\n report\r\nX-Tag: one\r\nX-Tag: two\r\n"
          + "\r\nHello, invoice attached.\r\n";

  private static boolean fires(Rule rule, Occurrence occurrence) {
    return new RuleEngine(List.of(rule), 1).connection(1, "10.0.0.1").evaluate(occurrence) != null;
  }

  @Test
  void headerMatchesTheUnfoldedValueWhateverTheNamesCase() {
    Rule rule =
        Rule.when(Event.MESSAGE).header("subject", "quarterly report").reply("554 No").build();

    assertThat(fires(rule, message(MAIL))).isTrue();
  }

  @Test
  void anyOccurrenceOfTheHeaderMatches() {
    Rule rule = Rule.when(Event.MESSAGE).header("X-Tag", "^two$").reply("554 No").build();

    assertThat(fires(rule, message(MAIL))).isTrue();
  }

  @Test
  void aMissingHeaderDoesNotMatch() {
    Rule rule = Rule.when(Event.MESSAGE).header("X-Spam", ".*").reply("554 No").build();

    assertThat(fires(rule, message(MAIL))).isFalse();
  }

  @Test
  void everyHeaderGivenMustMatch() {
    Rule rule =
        Rule.when(Event.MESSAGE)
            .header("From", "a@example")
            .header("Subject", "annual")
            .reply("554 No")
            .build();

    assertThat(fires(rule, message(MAIL))).isFalse();
  }

  @Test
  void bodySeesOnlyTheDataAfterTheFirstBlankLine() {
    Rule invoice = Rule.when(Event.MESSAGE).body("INVOICE").reply("554 No").build();
    Rule subject = Rule.when(Event.MESSAGE).body("Quarterly").reply("554 No").build();

    assertThat(fires(invoice, message(MAIL))).isTrue();
    assertThat(fires(subject, message(MAIL))).isFalse();
  }

  @Test
  void minSizeHoldsFromThatSizeUp() {
    Rule rule = Rule.when(Event.MESSAGE).minSize(10).reply("552 5.3.4 Too big").build();

    assertThat(fires(rule, message("123456789"))).isFalse();
    assertThat(fires(rule, message("1234567890"))).isTrue();
  }
}
