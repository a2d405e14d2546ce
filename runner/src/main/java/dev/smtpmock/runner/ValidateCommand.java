package dev.smtpmock.runner;

import dev.smtpmock.scenario.InvalidScenarioException;
import dev.smtpmock.scenario.Scenario;
import dev.smtpmock.scenario.ScenarioProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code smtpmock validate FILE…}: every problem of every file as {@code SOURCE:LINE:COLUMN:
 * severity: message}, the form editors and CI logs link to; exit 1 on any error.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Checks scenario files; exit 1 on any error, 0 with warnings only.")
final class ValidateCommand implements Callable<Integer> {
  private final Main.Cli cli;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files.")
  List<Path> files;

  ValidateCommand(Main.Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    boolean errors = false;
    for (Path file : files) {
      List<ScenarioProblem> problems;
      try {
        problems = Scenario.load(file).warnings();
      } catch (InvalidScenarioException e) {
        problems = e.problems();
      }
      problems.forEach(cli.out()::println);
      long errorCount =
          problems.stream().filter(p -> p.severity() == ScenarioProblem.Severity.ERROR).count();
      errors |= errorCount > 0;
      cli.out().println(file + ": " + summary(errorCount, problems.size() - errorCount));
    }
    return errors ? ExitCodes.INVALID : ExitCodes.OK;
  }

  private static String summary(long errors, long warnings) {
    if (errors == 0 && warnings == 0) {
      return "ok";
    }
    return (errors > 0 ? plural(errors, "error") : "ok")
        + (warnings > 0 ? (errors > 0 ? ", " : " with ") + plural(warnings, "warning") : "");
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
