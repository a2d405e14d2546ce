package dev.smtpmock.runner;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** Runs the command line in this JVM with captured output, as a test fixture. */
final class InProcess {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final CompletableFuture<Runner> started = new CompletableFuture<>();
  private final Main.Cli cli;

  InProcess(Map<String, String> env) {
    cli =
        new Main.Cli(
            new PrintWriter(out, true), new PrintWriter(err, true), env, false, started::complete);
  }

  InProcess() {
    this(Map.of());
  }

  /** Runs a command that ends by itself. */
  int execute(String... args) {
    return Main.execute(cli, args);
  }

  /**
   * Starts {@code run …} on a thread; the returned future completes with its exit code once the
   * runner has been closed.
   */
  CompletableFuture<Integer> start(String... args) {
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Main.execute(cli, args));
    exit.whenComplete(
        (code, e) ->
            started.completeExceptionally(
                new IllegalStateException(
                    "run ended before it was ready: exit " + code + "\n" + err)));
    return exit;
  }

  /**
   * The runner that {@code run} started, once its ready line (text or JSON, the first line on
   * stdout) is out: {@code onStarted} runs just before that line, so that the signal handling is in
   * place when a script sees it.
   */
  Runner runner() {
    Runner runner;
    try {
      runner = started.get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("run did not start: " + e.getMessage(), e);
    }
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains("\n"));
    return runner;
  }

  Main.Cli cli() {
    return cli;
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }
}
