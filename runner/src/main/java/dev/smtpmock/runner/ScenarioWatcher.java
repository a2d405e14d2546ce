package dev.smtpmock.runner;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.scenario.InvalidScenarioException;
import dev.smtpmock.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code run --watch}: puts the scenario file in force again whenever its content changes; after a
 * bad edit the scenario in force stays and the problems are printed.
 *
 * <p>It polls the file's bytes rather than using a {@code WatchService}: inotify events do not
 * cross Docker bind mounts, and editors that save by renaming replace the watched file; comparing
 * content also ignores saves that change nothing.
 */
final class ScenarioWatcher implements AutoCloseable {
  private final Path file;
  private final SmtpMockServer smtp;
  private final PrintWriter err;
  private final ScheduledExecutorService timer;
  private byte[] last;

  private ScenarioWatcher(Path file, SmtpMockServer smtp, PrintWriter err) {
    this.file = file;
    this.smtp = smtp;
    this.err = err;
    this.last = read();
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "smtpmock-watch");
              t.setDaemon(true);
              return t;
            });
  }

  static ScenarioWatcher start(Path file, SmtpMockServer smtp, PrintWriter err, Duration interval) {
    ScenarioWatcher watcher = new ScenarioWatcher(file, smtp, err);
    watcher.timer.scheduleWithFixedDelay(
        watcher::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return watcher;
  }

  private void check() {
    byte[] now = read();
    if (now == null || Arrays.equals(now, last)) {
      return; // unchanged, or mid-save (briefly missing): look again next time
    }
    last = now;
    String keeping = smtp.scenario().name();
    try {
      Scenario scenario = Scenario.load(file);
      smtp.scenario(scenario);
      err.println("smtpmock: reloaded " + file + ": scenario " + scenario.name());
      scenario.warnings().forEach(err::println);
    } catch (InvalidScenarioException e) {
      err.println("smtpmock: " + file + " has errors; keeping scenario " + keeping + ":");
      e.problems().forEach(err::println);
    } catch (IllegalArgumentException e) {
      err.println(
          "smtpmock: "
              + file
              + " not reloaded, keeping scenario "
              + keeping
              + ": "
              + e.getMessage());
    }
    err.flush();
  }

  private byte[] read() {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
