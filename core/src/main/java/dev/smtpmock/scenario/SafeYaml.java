package dev.smtpmock.scenario;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Turns scenario text into a node tree, safely: no tag ever constructs an object (only {@code
 * compose} runs), and the size, alias and nesting limits make hostile input fail fast. YAML errors
 * become problems at their position.
 */
final class SafeYaml {
  /** Scenario files are small; a megabyte of text is already far more than any needs. */
  static final int MAX_CHARS = 1 << 20;

  static final int MAX_ALIASES = 50;
  static final int MAX_NESTING = 20;

  private SafeYaml() {}

  /**
   * The text, cut off after {@link #MAX_CHARS} + 1 characters for {@link #compose} to refuse.
   * SnakeYAML's own {@code codePointLimit} is checked only between tokens, so a single 100 MB
   * scalar or comment would be scanned (slowly) before it failed; counting here stops it early.
   */
  static String read(Reader reader) throws IOException {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    for (int n; text.length() <= MAX_CHARS && (n = reader.read(buffer)) >= 0; ) {
      text.append(buffer, 0, n);
    }
    return text.toString();
  }

  /**
   * The document's root node, or null for an empty document.
   *
   * @throws InvalidScenarioException for a YAML syntax error or a limit exceeded
   */
  static Node compose(String text, String source) {
    if (text.length() > MAX_CHARS) {
      throw problem(
          source,
          null,
          "the document is larger than "
              + MAX_CHARS
              + " characters (1 MB); a scenario file is never that big");
    }
    LoaderOptions options = new LoaderOptions();
    // compose itself never checks duplicates (NodeReader does, with positions); set explicitly
    // so that no later change to construction could quietly keep the last of two keys
    options.setAllowDuplicateKeys(false);
    options.setCodePointLimit(MAX_CHARS);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_NESTING);
    options.setAllowRecursiveKeys(false);
    try {
      // a Yaml instance is not thread-safe: one per load
      return new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      YamlSyntaxHints.Hint hint = YamlSyntaxHints.of(e, text);
      SourceMap.Position at =
          hint != null
              ? new SourceMap.Position(hint.line() + 1, hint.column() + 1)
              : mark == null ? null : NodeReader.position(mark);
      throw problem(source, at, message(e, mark, at, hint));
    } catch (ReaderException e) {
      throw problem(
          source,
          position(text, e.getPosition()),
          String.format("character U+%04X is not allowed in YAML", e.getCodePoint()));
    } catch (YAMLException e) {
      throw problem(
          source,
          null,
          e.getMessage()
              + " — a scenario allows at most "
              + MAX_ALIASES
              + " aliases of lists or mappings and "
              + MAX_NESTING
              + " levels of nesting");
    }
  }

  /**
   * SnakeYAML's words, reported at {@code at}: the cause when a hint knows it, so SnakeYAML's own
   * positions are named where they differ from it; then the hint.
   */
  private static String message(
      MarkedYAMLException e, Mark mark, SourceMap.Position at, YamlSyntaxHints.Hint hint) {
    StringBuilder message = new StringBuilder(e.getProblem() != null ? e.getProblem() : "");
    appendPositionUnlessAt(message, mark, at);
    if (e.getContext() != null) {
      message.append(" (").append(e.getContext());
      appendPositionUnlessAt(message, e.getContextMark(), at);
      message.append(')');
    }
    if (hint != null) {
      message.append(" — ").append(hint.text());
    }
    return message.toString().strip();
  }

  private static void appendPositionUnlessAt(
      StringBuilder message, Mark mark, SourceMap.Position at) {
    if (mark != null && !NodeReader.position(mark).equals(at)) {
      SourceMap.Position p = NodeReader.position(mark);
      message.append(" at ").append(p.line()).append(':').append(p.column());
    }
  }

  /** The position of a character index, for errors that carry only the index. */
  private static SourceMap.Position position(String text, int index) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < Math.min(index, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new SourceMap.Position(line, index - lineStart + 1);
  }

  private static InvalidScenarioException problem(
      String source, SourceMap.Position p, String message) {
    return new InvalidScenarioException(
        List.of(
            new ScenarioProblem(
                source,
                p == null ? 0 : p.line(),
                p == null ? 0 : p.column(),
                ScenarioProblem.Severity.ERROR,
                message)));
  }
}
