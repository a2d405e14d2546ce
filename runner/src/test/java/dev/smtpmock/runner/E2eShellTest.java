package dev.smtpmock.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code src/test/shell/e2e.sh}: the runner driven by swaks, curl and Python's smtplib. The
 * script gets a one-line wrapper that execs {@code Main} on this test's class path, so it runs in
 * the {@code test} phase, before the jar exists.
 */
class E2eShellTest {
  @TempDir Path dir;

  @Test
  void swaksCurlAndSmtplibGetTheScenariosReplies() throws Exception {
    Tools.require("bash", "swaks", "curl", "python3");
    Path script = Path.of(System.getProperty("smtpmock.shellTests", "src/test/shell"), "e2e.sh");
    ProcessBuilder builder =
        new ProcessBuilder("bash", script.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("e2e.log").toFile());
    builder.environment().put("SMTPMOCK", wrapper().toString());
    Process e2e = builder.start();
    boolean ended = e2e.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      e2e.destroyForcibly();
    }
    String log = Files.readString(dir.resolve("e2e.log"));
    assertThat(ended).as("e2e.sh ended within 120 s:\n%s", log).isTrue();
    assertThat(e2e.exitValue()).as("e2e.sh exit code; its output:\n%s", log).isZero();
    assertThat(log).contains("e2e: all passed");
  }

  /** {@code exec java -cp … Main "$@"}: exec, so that the script's SIGTERM reaches the JVM. */
  private Path wrapper() throws IOException {
    String command =
        RunnerProcess.command().stream().map(E2eShellTest::quote).collect(Collectors.joining(" "));
    Path wrapper = dir.resolve("smtpmock");
    Files.writeString(wrapper, "#!/bin/sh\nexec " + command + " \"$@\"\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    return wrapper;
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
