package dev.smtpmock.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The committed bad scenario files that say what they must draw: each holds one {@code # expect:
 * LINE:COLUMN: severity: message} comment per problem, in reading order. The loader's tests and
 * both of the runner's doors ({@code validate}, {@code PUT /api/scenario}) check the same lines, so
 * a position is asserted exactly once per file and in every door.
 */
public final class ExpectedProblems {
  private static final String EXPECT = "# expect: ";

  private ExpectedProblems() {}

  /** The {@code .yaml} files under {@code folder}, sorted. */
  public static List<Path> files(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's expectations, each {@code LINE:COLUMN: severity: message}. */
  public static List<String> of(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .filter(line -> line.startsWith(EXPECT))
          .map(line -> line.substring(EXPECT.length()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
