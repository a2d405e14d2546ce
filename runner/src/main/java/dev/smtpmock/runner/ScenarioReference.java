package dev.smtpmock.runner;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Tells a file reference from a built-in name or a class-path resource, as SPEC 4.2 does. */
final class ScenarioReference {
  private static final String CLASSPATH = "classpath:";

  private ScenarioReference() {}

  /** The file a reference names, or empty for a built-in name or {@code classpath:…}. */
  static Optional<Path> file(String reference) {
    if (reference.startsWith(CLASSPATH) || !looksLikeFile(reference)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(reference));
    } catch (InvalidPathException e) {
      return Optional.empty(); // Scenario.resolve reports the bad path in its own words
    }
  }

  /** Whether the reference is a bare name, such as a built-in's: neither a file nor a resource. */
  static boolean isName(String reference) {
    return !reference.startsWith(CLASSPATH) && !looksLikeFile(reference);
  }

  private static boolean looksLikeFile(String reference) {
    return reference.contains("/")
        || reference.contains("\\")
        || reference.endsWith(".yaml")
        || reference.endsWith(".yml");
  }
}
