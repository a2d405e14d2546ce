package dev.smtpmock.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario could not be loaded; {@link #problems()} lists every problem found, not only the
 * first.
 */
public final class InvalidScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ScenarioProblem> problems;

  public InvalidScenarioException(List<ScenarioProblem> problems) {
    super(problems.stream().map(ScenarioProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<ScenarioProblem> problems() {
    return problems;
  }
}
