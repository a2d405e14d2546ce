package dev.smtpmock.scenario;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.regex.Pattern;
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

  static final String REPLY_HINT = "quote the reply text: reply: \"550 5.1.1 <x@y>: …\"";
  private static final Pattern REPLY_KEY = Pattern.compile("(?:^|[\\s{,])(?:reply|raw)\\s*:\\s");
  private static final Pattern OWNER_KEY = Pattern.compile("\\s*(?:-\\s+)?(?:reply|raw)\\s*:\\s*");

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
      throw problem(
          source, mark == null ? null : NodeReader.position(mark), message(e, text, mark));
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

  private static String message(MarkedYAMLException e, String text, Mark mark) {
    StringBuilder message = new StringBuilder(e.getProblem() != null ? e.getProblem() : "");
    Mark context = e.getContextMark();
    if (e.getContext() != null) {
      message.append(" (").append(e.getContext());
      if (context != null
          && (mark == null
              || context.getLine() != mark.getLine()
              || context.getColumn() != mark.getColumn())) {
        message.append(" at ").append(context.getLine() + 1).append(':');
        message.append(context.getColumn() + 1);
      }
      message.append(')');
    }
    if (mark != null && colonInReply(text.split("\r\n|\r|\n", -1), mark)) {
      message.append(" — ").append(REPLY_HINT);
    }
    return message.toString().strip();
  }

  /**
   * Whether the mark is at a colon in the value of a {@code reply}/{@code raw} key or one of its
   * items: "mapping values are not allowed here" in block style, "expected ',' or '}'" in flow.
   */
  private static boolean colonInReply(String[] lines, Mark mark) {
    if (mark.getLine() >= lines.length) {
      return false;
    }
    String line = lines[mark.getLine()];
    if (mark.getColumn() >= line.length() || line.charAt(mark.getColumn()) != ':') {
      return false;
    }
    if (REPLY_KEY.matcher(line.substring(0, Math.min(mark.getColumn(), line.length()))).find()) {
      return true;
    }
    int indent = indentOf(line);
    if (!line.stripLeading().startsWith("-")) {
      return false;
    }
    for (int i = mark.getLine() - 1; i >= 0; i--) {
      String above = lines[i];
      if (above.isBlank() || above.stripLeading().startsWith("#")) {
        continue;
      }
      if (indentOf(above) < indent || !above.stripLeading().startsWith("-")) {
        return OWNER_KEY.matcher(above).matches();
      }
    }
    return false;
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

  private static int indentOf(String line) {
    return line.length() - line.stripLeading().length();
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
