package dev.smtpmock.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * Where a scenario's text comes from — a file, a class-path resource or a built-in — found from a
 * reference as SPEC 4.2 says.
 *
 * @param id identifies the text across an {@code extends} chain, for cycle detection
 * @param name the source name used in problems
 * @param defaultName the scenario name when the file gives none: the file name without .yaml
 * @param directory the folder for relative {@code extends} and keystore paths; null for resources
 */
record ScenarioSource(
    String id, String name, String defaultName, Path directory, ScenarioSource.Opener opener) {
  static final String BUILT_IN_FOLDER = "smtpmock/scenarios/";
  static final String INDEX = BUILT_IN_FOLDER + "index.txt";
  private static final String CLASSPATH = "classpath:";

  /** Opens the text; the reader decodes UTF-8 (or the encoding a BOM names). */
  interface Opener {
    Reader open() throws IOException;
  }

  static ScenarioSource file(Path file) {
    Path parent = file.getParent();
    return new ScenarioSource(
        file.toAbsolutePath().normalize().toString(),
        file.toString(),
        baseName(file.toString()),
        parent != null ? parent : Path.of(""),
        () -> new UnicodeReader(Files.newInputStream(file)));
  }

  /**
   * Finds what {@code reference} names; a relative file path is taken against {@code directory}
   * when it is not null.
   */
  static ScenarioSource locate(String reference, Path directory) throws ReferenceException {
    if (reference.startsWith(CLASSPATH)) {
      return resource(reference.substring(CLASSPATH.length()));
    }
    if (isFile(reference)) {
      try {
        Path path = Path.of(reference);
        return file(directory != null ? directory.resolve(path) : path);
      } catch (InvalidPathException e) {
        throw new ReferenceException("'" + reference + "' is not a valid path: " + e.getReason());
      }
    }
    List<String> builtIns = builtIns();
    if (!builtIns.contains(reference)) {
      throw new ReferenceException(unknownName(reference, builtIns));
    }
    String path = BUILT_IN_FOLDER + reference + ".yaml";
    if (classLoader().getResource(path) == null) {
      throw new ReferenceException(
          "built-in scenario '"
              + reference
              + "' is listed in "
              + INDEX
              + " but "
              + path
              + " is missing");
    }
    return resource(path);
  }

  /** The names listed in every {@code smtpmock/scenarios/index.txt} on the class path. */
  static List<String> builtIns() {
    Set<String> names = new LinkedHashSet<>();
    try {
      Enumeration<URL> indexes = classLoader().getResources(INDEX);
      while (indexes.hasMoreElements()) {
        try (InputStream in = indexes.nextElement().openStream()) {
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .map(line -> line.replaceFirst("#.*", "").strip())
              .filter(line -> !line.isEmpty())
              .forEach(names::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + INDEX, e);
    }
    return List.copyOf(names);
  }

  /** Why the text cannot be read, in words. */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof CharacterCodingException) {
      return "not valid UTF-8";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** The name without folders and without the .yaml or .yml ending. */
  static String baseName(String name) {
    String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    return last.replaceFirst("\\.ya?ml$", "");
  }

  private static ScenarioSource resource(String path) throws ReferenceException {
    String normalized = path.startsWith("/") ? path.substring(1) : path;
    URL url = classLoader().getResource(normalized);
    if (url == null) {
      throw new ReferenceException("no class-path resource '" + normalized + "'");
    }
    return new ScenarioSource(
        CLASSPATH + normalized,
        CLASSPATH + normalized,
        baseName(normalized),
        null,
        () -> new UnicodeReader(url.openStream()));
  }

  /** Whether the reference names a class-path resource (a built-in or {@code classpath:}). */
  static boolean isResource(String reference) {
    return reference.startsWith(CLASSPATH) || !isFile(reference);
  }

  private static boolean isFile(String reference) {
    return reference.contains("/")
        || reference.contains("\\")
        || reference.endsWith(".yaml")
        || reference.endsWith(".yml");
  }

  private static String unknownName(String name, List<String> builtIns) {
    if (builtIns.isEmpty()) {
      return "unknown scenario '"
          + name
          + "': there are no built-in scenarios on the class path (they come with"
          + " smtpmock-scenarios); a file reference needs a / or a .yaml ending";
    }
    return "unknown scenario '"
        + name
        + "'"
        + DidYouMean.suggestion(name, builtIns, "'", "'")
        + " Built-in scenarios: "
        + String.join(", ", builtIns)
        + ". A file reference needs a / or a .yaml ending.";
  }

  /** The context class loader where there is one, as frameworks expect; else this library's. */
  static ClassLoader classLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : ScenarioSource.class.getClassLoader();
  }
}
