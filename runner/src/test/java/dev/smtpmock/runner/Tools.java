package dev.smtpmock.runner;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * External tools some tests drive (swaks, curl, python3, Chromium). Missing outside CI: the test is
 * skipped, naming what is missing. Missing with {@code CI=true}: the test fails, because CI
 * installs them (.ci/run) and a skip there would hide that nothing ran.
 */
final class Tools {
  private Tools() {}

  static void require(String... executables) {
    List<String> missing = Arrays.stream(executables).filter(e -> !available(e)).toList();
    if (missing.isEmpty()) {
      return;
    }
    String message =
        "missing: "
            + String.join(", ", missing)
            + " (install with: apt-get install -y swaks curl python3 chromium chromium-driver)";
    if ("true".equals(System.getenv("CI"))) {
      fail(message);
    }
    Assumptions.abort(message);
  }

  private static boolean available(String executable) {
    if (executable.contains("/")) {
      return Files.isExecutable(Path.of(executable));
    }
    String path = System.getenv().getOrDefault("PATH", "");
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, executable)));
  }
}
