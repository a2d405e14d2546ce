package dev.smtpmock.runner;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code smtpmock} command line (SPEC 6): {@code run}, {@code validate}, {@code scenarios},
 * {@code schema}. Streams and environment are injected so that tests can run it in-process.
 */
@Command(
    name = "smtpmock",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A fault-injecting SMTP mock server for tests.",
    footer = {
      "",
      "Exit codes: 0 done, 1 invalid scenario or validation errors,",
      "2 usage error, 143 stopped by SIGTERM or Ctrl-C."
    })
public final class Main implements Callable<Integer> {
  private final Cli cli;

  @Spec CommandSpec spec;

  Main(Cli cli) {
    this.cli = cli;
  }

  /** The process entry point; the only place that exits the JVM. */
  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    Cli cli =
        new Cli(out, err, System.getenv(), System.console() != null, ShutdownOnSignal::install);
    System.exit(execute(cli, args));
  }

  /** Runs one command line and returns its exit code. */
  static int execute(Cli cli, String... args) {
    CommandLine commandLine =
        new CommandLine(new Main(cli))
            .addSubcommand("run", new RunCommand(cli))
            .addSubcommand("validate", new ValidateCommand(cli))
            .addSubcommand("scenarios", new ScenariosCommand(cli))
            .addSubcommand("schema", new SchemaCommand(cli))
            .setOut(cli.out())
            .setErr(cli.err())
            .setExecutionExceptionHandler(
                (e, line, parsed) -> {
                  // an unexpected failure is reported in one line, not as a stack trace
                  cli.err().println("smtpmock: error: " + e.getMessage());
                  return ExitCodes.INVALID;
                });
    int code = commandLine.execute(args);
    cli.out().flush();
    cli.err().flush();
    return code;
  }

  /** {@code smtpmock} without a command is a usage error. */
  @Override
  public Integer call() {
    cli.err().println("smtpmock: a command is required");
    spec.commandLine().usage(cli.err());
    return ExitCodes.USAGE;
  }

  /**
   * What the commands share: where they write, the environment they read, and what happens once
   * {@code run} is up (the real process stops on a signal; a test stops the runner itself).
   */
  record Cli(
      PrintWriter out,
      PrintWriter err,
      Map<String, String> env,
      boolean terminal,
      java.util.function.Consumer<Runner> onStarted) {}
}
