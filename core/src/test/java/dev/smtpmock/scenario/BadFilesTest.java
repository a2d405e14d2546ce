package dev.smtpmock.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smtpmock.testing.ExpectedProblems;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed bad files of {@code scenarios/load-bad} draw exactly the problems, at exactly the
 * positions, that their {@code # expect:} lines name (SPEC 2.10). They hold what only the loader
 * can check (a keystore, YAML syntax) and rules with more than one problem; the runner's tests
 * check the same files through {@code validate} and {@code PUT /api/scenario}.
 */
class BadFilesTest {
  static List<Path> files() {
    return ExpectedProblems.files(Path.of("src/test/resources/scenarios/load-bad"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void theLoaderReportsEveryProblemOfTheFileAtItsPosition(Path file) {
    InvalidScenarioException e =
        catchThrowableOfType(() -> Scenario.load(file), InvalidScenarioException.class);
    assertThat(e).as("loading " + file + " fails").isNotNull();
    assertThat(e.problems())
        .extracting(p -> p.toString().substring(p.source().length() + 1))
        .containsExactlyElementsOf(ExpectedProblems.of(file))
        .isNotEmpty();
  }
}
