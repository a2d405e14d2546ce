package dev.smtpmock.runner;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code smtpmock schema}: the scenario JSON Schema the core jar ships, byte for byte, so that a
 * user can save it where an editor's YAML language server finds it.
 */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = "Prints the JSON Schema of scenario files, for editors.")
final class SchemaCommand implements Callable<Integer> {
  private final Main.Cli cli;

  SchemaCommand(Main.Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    cli.out().print(new String(ServerApi.resource(ServerApi.SCHEMA), StandardCharsets.UTF_8));
    return ExitCodes.OK;
  }
}
