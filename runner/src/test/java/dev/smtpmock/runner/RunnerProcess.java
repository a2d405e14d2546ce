package dev.smtpmock.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code smtpmock} in a JVM of its own, for what only a real process shows: signals, exit codes,
 * the ports released at exit.
 */
final class RunnerProcess implements AutoCloseable {
  static final Pattern READY =
      Pattern.compile(
          "smtpmock ready smtp=([^ ]+):(\\d+) admin=(off|http://[^ ]+:(\\d+)) scenario=(\\S+) seed=(-?\\d+)");

  private final Process process;
  private final List<String> out = new ArrayList<>();
  private final StringBuilder err = new StringBuilder();
  private final CompletableFuture<Matcher> ready = new CompletableFuture<>();
  private final List<Thread> pumps = new ArrayList<>();

  private RunnerProcess(Process process) {
    this.process = process;
    pump(process.getInputStream(), true);
    pump(process.getErrorStream(), false);
  }

  /** The command that runs {@code Main} on this test's class path. */
  static List<String> command() {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp",
        classPath,
        Main.class.getName());
  }

  static RunnerProcess start(Map<String, String> env, String... args) {
    return start(command(), env, args);
  }

  /** Runs {@code base} (e.g. {@code java -jar smtpmock.jar}) with these arguments. */
  static RunnerProcess start(List<String> base, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(base);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("SMTPMOCK_SCENARIO");
    builder.environment().remove("SMTPMOCK_ADMIN_TOKEN");
    builder.environment().putAll(env);
    try {
      return new RunnerProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the ready line and returns it parsed with {@link #READY}. */
  Matcher awaitReady() {
    try {
      return ready.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("no ready line; stdout: " + out() + "\nstderr: " + err(), e);
    }
  }

  Process process() {
    return process;
  }

  /** Sends a signal by name (TERM, INT) with kill(1). */
  void signal(String name) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
  }

  int awaitExit() throws InterruptedException {
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("still running; stdout: " + out() + "\nstderr: " + err());
    }
    for (Thread pump : pumps) {
      pump.join(5000); // the process has ended; its last output may still be in the pipes
    }
    return process.exitValue();
  }

  synchronized List<String> out() {
    return List.copyOf(out);
  }

  synchronized String err() {
    return err.toString();
  }

  private void pump(java.io.InputStream stream, boolean stdout) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  synchronized (this) {
                    if (stdout) {
                      out.add(line);
                    } else {
                      err.append(line).append('\n');
                    }
                  }
                  Matcher m = READY.matcher(line);
                  if (stdout && m.matches()) {
                    ready.complete(m);
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
              if (stdout) {
                ready.completeExceptionally(new IllegalStateException("stdout closed"));
              }
            });
    t.setDaemon(true);
    pumps.add(t);
    t.start();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
