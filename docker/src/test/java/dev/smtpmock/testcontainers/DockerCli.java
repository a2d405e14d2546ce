package dev.smtpmock.testcontainers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the {@code docker} command line, as a user following the README would. */
final class DockerCli {
  private DockerCli() {}

  /** Runs {@code docker ARGS…}; returns its standard output, trimmed; fails unless it exits 0. */
  static String docker(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("docker");
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
    }
    String text = new String(output, StandardCharsets.UTF_8).trim();
    if (process.exitValue() != 0) {
      throw new AssertionError(
          String.join(" ", command) + " exited " + process.exitValue() + ":\n" + text);
    }
    return text;
  }
}
