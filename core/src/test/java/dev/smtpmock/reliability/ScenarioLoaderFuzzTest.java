package dev.smtpmock.reliability;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.smtpmock.scenario.InvalidScenarioException;
import dev.smtpmock.scenario.Scenario;
import dev.smtpmock.scenario.ScenarioProblem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * The scenario loader fed arbitrary text (SPEC 2.10, 7; FUZZING.md): {@link Scenario#parse} returns
 * a scenario or throws an {@link InvalidScenarioException} whose problems each point at a line of
 * the text or name their source; it throws nothing else and never hangs (the timeout is also
 * Jazzer's per-input limit). A scenario it returns renders with {@code toYaml()} to text that loads
 * back equal (SPEC 4.2).
 */
class ScenarioLoaderFuzzTest {
  private static final String SOURCE = "fuzz.yaml";

  @FuzzTest(maxDuration = "2m")
  @Timeout(10)
  void parse(byte[] input) {
    String yaml = new String(input, StandardCharsets.UTF_8);
    Scenario scenario;
    try {
      scenario = Scenario.parse(yaml, SOURCE);
    } catch (InvalidScenarioException e) {
      checkProblems(yaml, e);
      return;
    }
    if (scenario == null) {
      throw new AssertionError("parse returned null");
    }
    String rendered = scenario.toYaml();
    Scenario again;
    try {
      again = Scenario.parse(rendered, "rendered.yaml");
    } catch (InvalidScenarioException e) {
      throw new AssertionError("toYaml() renders text that does not load:\n" + rendered, e);
    }
    if (!again.equals(scenario)) {
      throw new AssertionError(
          "toYaml() renders a different scenario:\n" + rendered + "\nfrom:\n" + scenario.toYaml());
    }
  }

  private static void checkProblems(String yaml, InvalidScenarioException e) {
    if (e.problems().isEmpty()) {
      throw new AssertionError("an InvalidScenarioException without problems", e);
    }
    if (e.problems().stream().noneMatch(p -> p.severity() == ScenarioProblem.Severity.ERROR)) {
      throw new AssertionError("thrown for warnings only: " + e.problems(), e);
    }
    int lastLine = lineCount(yaml) + 1;
    for (ScenarioProblem p : e.problems()) {
      boolean positioned = p.line() >= 1 && p.column() >= 0;
      boolean sourced = p.line() == 0 && p.column() == 0;
      if (p.source() == null
          || p.source().isBlank()
          || p.severity() == null
          || p.message() == null
          || p.message().isBlank()
          || !(positioned || sourced)) {
        throw new AssertionError("a problem with neither a line nor a clear source: " + p, e);
      }
      if (p.source().equals(SOURCE) && p.line() > lastLine) {
        throw new AssertionError(
            "a problem at line " + p.line() + " of a text of " + lineCount(yaml) + ": " + p, e);
      }
    }
  }

  /** Lines as YAML counts them: CR LF, CR, LF, NEL, LS and PS each end one. */
  private static int lineCount(String text) {
    int lines = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        continue;
      }
      if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        lines++;
      }
    }
    return lines;
  }
}
