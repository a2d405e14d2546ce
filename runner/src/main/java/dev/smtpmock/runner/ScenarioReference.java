package dev.smtpmock.runner;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Tells a file reference from a built-in name or a class-path resource, as SPEC 4.2 does. */
final class ScenarioReference {
  private ScenarioReference() {}

  /** The file a reference names, or empty for a built-in name or {@code classpath:…}. */
  static Optional<Path> file(String reference) {
    if (reference.startsWith("classpath:")) {
      return Optional.empty();
    }
    boolean isFile =
        reference.contains("/")
            || reference.contains("\\")
            || reference.endsWith(".yaml")
            || reference.endsWith(".yml");
    if (!isFile) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(reference));
    } catch (InvalidPathException e) {
      return Optional.empty(); // Scenario.resolve reports the bad path in its own words
    }
  }
}
