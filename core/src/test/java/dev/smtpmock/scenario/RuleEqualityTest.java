package dev.smtpmock.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A rule equals another exactly when every builder method gave it the same (SPEC 2.4's
 * case-insensitive header names, and no {@code per} being {@code per: connection}, included), so
 * that a loaded scenario equals its DSL twin and a changed one does not.
 */
class RuleEqualityTest {

  /**
   * Each builder method, named after its YAML key, set to something the base rule does not have.
   */
  private static final Map<String, UnaryOperator<Rule.Builder>> CHANGES = new LinkedHashMap<>();

  static {
    CHANGES.put("name", b -> b.name("greylist"));
    CHANGES.put("when", b -> b.when(Event.RCPT));
    CHANGES.put("nth", b -> b.nth(2));
    CHANGES.put("after", b -> b.after(3));
    CHANGES.put("per", b -> b.per(Scope.SERVER));
    CHANGES.put("key", b -> b.key(CounterKey.CLIENT));
    CHANGES.put("connection", b -> b.connection(1, 3));
    CHANGES.put("connection numbers", b -> b.connection(2));
    CHANGES.put("times", b -> b.times(1));
    CHANGES.put("match", b -> b.match("@example\\.test"));
    CHANGES.put("header", b -> b.header("Subject", "offer"));
    CHANGES.put("body", b -> b.body("unsubscribe"));
    CHANGES.put("min-size", b -> b.minSize(1024));
    CHANGES.put("probability", b -> b.probability(0.5));
    CHANGES.put("tls", b -> b.tls(true));
    CHANGES.put("authenticated", b -> b.authenticated(false));
    CHANGES.put("rate", b -> b.rate(10, Duration.ofMinutes(1)));
    CHANGES.put("reply", b -> b.reply("451 4.7.1 Greylisted"));
    CHANGES.put("reply lines", b -> b.reply(List.of("250 first", "second")));
    CHANGES.put("reply value", b -> b.reply(Reply.parse("452 4.5.3 Too many")));
    CHANGES.put("raw", b -> b.raw("250 ok\r\n"));
    CHANGES.put("fault", b -> b.fault(Fault.RESET));
    CHANGES.put("delay", b -> b.delay(Duration.ofSeconds(2)));
    CHANGES.put("delay range", b -> b.delay(Duration.ofSeconds(1), Duration.ofSeconds(3)));
    CHANGES.put("drip", b -> b.drip(Duration.ofMillis(10)));
    CHANGES.put("then", b -> b.then(Then.HANG));
    CHANGES.put("after-bytes", b -> b.afterBytes(100));
  }

  private static Rule base() {
    return Rule.when(Event.MAIL).reply("250 2.1.0 Ok").buildUnchecked();
  }

  private static Rule changed(String key) {
    return CHANGES.get(key).apply(Rule.when(Event.MAIL).reply("250 2.1.0 Ok")).buildUnchecked();
  }

  @Test
  void everyKeyHasAChange() {
    assertThat(CHANGES.keySet()).containsAll(RuleReader.KEYS);
  }

  @Test
  void rulesDifferingInOneBuilderMethodAreUnequalWithDifferentHashCodes() {
    for (String key : CHANGES.keySet()) {
      assertThat(changed(key)).as(key).isNotEqualTo(base());
      assertThat(changed(key).hashCode()).as(key).isNotEqualTo(base().hashCode());
    }
  }

  @Test
  void rulesBuiltAlikeAreEqualWithEqualHashCodes() {
    for (String key : CHANGES.keySet()) {
      assertThat(changed(key)).as(key).isEqualTo(changed(key));
      assertThat(changed(key).hashCode()).as(key).isEqualTo(changed(key).hashCode());
    }
  }

  @Test
  void patternsCompareByTheirText() {
    assertThat(Rule.when(Event.MAIL).match("a").reply("250 Ok").build())
        .isEqualTo(Rule.when(Event.MAIL).match("a").reply("250 Ok").build())
        .isNotEqualTo(Rule.when(Event.MAIL).match("b").reply("250 Ok").build());
  }

  @Test
  void headerNamesCompareCaseInsensitively() {
    Rule upper = Rule.when(Event.MESSAGE).header("Subject", "x").reply("250 Ok").build();
    Rule lower = Rule.when(Event.MESSAGE).header("subject", "x").reply("250 Ok").build();
    assertThat(upper).isEqualTo(lower).hasSameHashCodeAs(lower);
  }

  @Test
  void noScopeIsTheConnectionScope() {
    Rule given = Rule.when(Event.MAIL).per(Scope.CONNECTION).reply("250 Ok").build();
    Rule left = Rule.when(Event.MAIL).reply("250 Ok").build();
    assertThat(given).isEqualTo(left).hasSameHashCodeAs(left);
  }

  @Test
  void whereARuleWasWrittenIsNoPartOfIt() {
    Rule here =
        Rule.when(Event.MAIL).reply("250 Ok").location(new Rule.Location("a", 1, 1)).build();
    assertThat(here).isEqualTo(Rule.when(Event.MAIL).reply("250 Ok").build());
  }
}
