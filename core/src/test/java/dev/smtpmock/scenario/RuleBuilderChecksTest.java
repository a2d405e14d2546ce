package dev.smtpmock.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The DSL front door refuses what the YAML front door refuses, with the same words. */
class RuleBuilderChecksTest {

  @Test
  void aForbiddenCombinationFailsTheBuild() {
    assertThatThrownBy(() -> Rule.when(Event.CONNECT).nth(2).reply("421 4.3.2 Busy").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "nth: 2 never matches — connect happens once per connection; did you mean `per:"
                + " server` or `connection: N`?");
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    assertThatThrownBy(
            () ->
                Rule.when(Event.DATA)
                    .afterBytes(10)
                    .fault(Fault.TLS_FAILURE)
                    .then(Then.CLOSE)
                    .build())
        .hasMessage(
            "then follows a reply, and a fault writes none; tls-failure is a fault of when:"
                + " starttls alone, or of when: connect alone on an implicit-TLS server;"
                + " after-bytes needs when: message alone");
  }

  @Test
  void aRuleWithoutEventsOrActionFailsTheBuild() {
    assertThatThrownBy(() -> Rule.builder().build())
        .hasMessage(
            "a rule needs when: the event or events it reacts to; a rule needs an action: reply,"
                + " raw, fault, delay, drip, then or after-bytes");
  }

  @Test
  void aNegativeDurationFailsTheBuild() {
    assertThatThrownBy(
            () -> Rule.when(Event.NOOP).reply("250 Ok").drip(Duration.ofMillis(-1)).build())
        .hasMessage("drip can't be negative");
  }

  @Test
  void placeholdersAreCheckedInTheDslToo() {
    assertThatThrownBy(() -> Rule.when(Event.HELO).reply("250 {recipient}").build())
        .hasMessage("{recipient} has no value on helo: it is known only on rcpt and delivery");
  }

  @Test
  void duplicateRuleNamesFailTheScenarioBuild() {
    assertThatThrownBy(
            () ->
                Scenario.builder()
                    .rule(Rule.when(Event.RCPT).name("x").nth(1).reply("250 Ok"))
                    .rule(Rule.when(Event.MAIL).name("x").reply("250 Ok"))
                    .build())
        .isInstanceOf(InvalidScenarioException.class)
        .hasMessage("<builder>: error: duplicate rule name 'x': rule 1 'x' has it too");
  }

  @Test
  void warningsOfABuiltScenarioHaveNoPosition() {
    Scenario s =
        Scenario.builder()
            .rule(Rule.when(Event.RCPT).reply("250 Ok"))
            .rule(Rule.when(Event.RCPT).nth(2).reply("452 4.5.3 Too many"))
            .build();
    assertThat(s.warnings())
        .extracting(ScenarioProblem::toString)
        .containsExactly(
            "<builder>: warning: rule 2 can never match because rule 1 (no matchers) takes the"
                + " same events earlier");
  }
}
