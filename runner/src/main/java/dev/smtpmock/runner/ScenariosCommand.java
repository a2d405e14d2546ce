package dev.smtpmock.runner;

import dev.smtpmock.scenario.InvalidScenarioException;
import dev.smtpmock.scenario.Scenario;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code smtpmock scenarios}: the built-in scenarios, one line each with its description. */
@Command(
    name = "scenarios",
    mixinStandardHelpOptions = true,
    description = "Lists the built-in scenarios.")
final class ScenariosCommand implements Callable<Integer> {
  private final Main.Cli cli;

  ScenariosCommand(Main.Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    List<String> names = Scenario.builtIns();
    if (names.isEmpty()) {
      cli.err().println("smtpmock: no built-in scenarios on the class path");
      return ExitCodes.INVALID;
    }
    int width = names.stream().mapToInt(String::length).max().orElse(0);
    boolean broken = false;
    for (String name : names) {
      String description;
      try {
        description = firstLine(Scenario.resolve(name).description());
      } catch (InvalidScenarioException e) {
        description = "(invalid: " + e.getMessage().lines().findFirst().orElse("") + ")";
        broken = true;
      }
      cli.out().println(String.format("%-" + width + "s  %s", name, description).stripTrailing());
    }
    return broken ? ExitCodes.INVALID : ExitCodes.OK;
  }

  /** The first sentence line of a description that may be a folded YAML block. */
  private static String firstLine(String description) {
    return description == null ? "" : description.strip().lines().findFirst().orElse("");
  }
}
