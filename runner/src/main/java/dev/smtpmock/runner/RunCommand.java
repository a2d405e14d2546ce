package dev.smtpmock.runner;

import dev.smtpmock.scenario.InvalidScenarioException;
import dev.smtpmock.scenario.Scenario;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smtpmock run}: the SMTP server, the admin API and the live log until a signal. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Runs the SMTP server and the admin API until SIGTERM or Ctrl-C.")
final class RunCommand implements Callable<Integer> {
  static final String DEFAULT_SCENARIO = Scenario.DEFAULT_NAME;

  private final Main.Cli cli;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SCENARIO",
      description =
          "A scenario file or built-in name (default: $SMTPMOCK_SCENARIO, else 'default').")
  String scenario;

  @Option(
      names = "--smtp-port",
      defaultValue = "2525",
      paramLabel = "PORT",
      description = "SMTP port; 0 for a free one (default: ${DEFAULT-VALUE}).")
  int smtpPort;

  @Option(
      names = "--admin-port",
      defaultValue = "8025",
      paramLabel = "PORT",
      description = "Admin API port; 0 for a free one, -1 for none (default: ${DEFAULT-VALUE}).")
  int adminPort;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description = "Address both ports listen on (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--watch", description = "Reload the scenario file when it changes.")
  boolean watch;

  @Option(names = "--quiet", description = "Print only the ready line, no live output.")
  boolean quiet;

  @Option(
      names = "--log-format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "Live output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  LogFormat logFormat;

  @Option(names = "--seed", paramLabel = "N", description = "Seed for probabilities and delays.")
  Long seed;

  @Option(
      names = "--admin-token",
      paramLabel = "TOKEN",
      description = "Require 'Authorization: Bearer TOKEN' on /api/ (or $SMTPMOCK_ADMIN_TOKEN).")
  String adminToken;

  RunCommand(Main.Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    checkPort("--smtp-port", smtpPort, 0);
    checkPort("--admin-port", adminPort, -1);
    String reference = reference();
    Optional<Path> file = ScenarioReference.file(reference);
    if (watch && file.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "--watch needs a scenario file; '" + reference + "' is a built-in scenario");
    }
    Scenario loaded;
    try {
      loaded = Scenario.resolve(reference);
    } catch (InvalidScenarioException e) {
      e.problems().forEach(p -> cli.err().println(p));
      return ExitCodes.INVALID;
    }
    loaded.warnings().forEach(p -> cli.err().println(p));
    warnIfReachable();

    Runner runner;
    try {
      runner = Runner.start(settings(loaded, file.filter(f -> watch).orElse(null)), cli);
    } catch (ListenFailure e) {
      // the port given is taken, or the address is not this machine's: the caller's to change
      cli.err().println("smtpmock: error: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    // The signal handling is in place before the ready line, so a SIGINT sent as soon as the line
    // appears still ends with 143.
    cli.onStarted().accept(runner);
    runner.announceReady();
    runner.awaitClosed();
    return ExitCodes.STOPPED;
  }

  private Runner.Settings settings(Scenario loaded, Path watched) {
    String token = adminToken != null ? adminToken : cli.env().get("SMTPMOCK_ADMIN_TOKEN");
    return new Runner.Settings(
        loaded,
        bind,
        smtpPort,
        adminPort,
        seed,
        token == null || token.isBlank() ? null : token,
        logFormat,
        quiet,
        cli.terminal() && !cli.env().containsKey("NO_COLOR"),
        watched);
  }

  private String reference() {
    if (scenario != null) {
      return scenario;
    }
    String fromEnv = cli.env().get("SMTPMOCK_SCENARIO");
    return fromEnv == null || fromEnv.isBlank() ? DEFAULT_SCENARIO : fromEnv;
  }

  private void checkPort(String option, int port, int min) {
    if (port < min || port > 65535) {
      throw new ParameterException(
          spec.commandLine(), option + " must be between " + min + " and 65535, not " + port);
    }
  }

  /** A test server on a reachable address accepts anyone's mail and hands out transcripts. */
  private void warnIfReachable() {
    if ("1".equals(cli.env().get("SMTPMOCK_IN_CONTAINER"))) {
      return; // the image binds 0.0.0.0 on purpose; its ports are only as reachable as published
    }
    boolean loopback;
    try {
      loopback = InetAddress.getByName(bind).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new ParameterException(spec.commandLine(), "--bind: unknown host '" + bind + "'");
    }
    if (!loopback) {
      cli.err()
          .println(
              "smtpmock: warning: listening on "
                  + bind
                  + ", which is not a loopback address: other machines can send mail here and"
                  + " read every message and transcript through the admin API");
    }
  }
}
