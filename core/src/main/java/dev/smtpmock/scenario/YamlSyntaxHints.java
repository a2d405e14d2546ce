package dev.smtpmock.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * What to fix for the YAML syntax errors people make most (SPEC 2.8, 2.10): indentation, tabs,
 * missing colons, spaces and dashes, unclosed brackets and quotes, an unquoted {@code ': '}.
 * SnakeYAML reports where reading failed, which is often a line below the mistake; a hint names the
 * mistake and where it is.
 */
final class YamlSyntaxHints {
  /**
   * A fix, and the 0-based position of the mistake it fixes.
   *
   * @param line 0-based line of the cause
   * @param column 0-based column of the cause
   */
  record Hint(int line, int column, String text) {}

  static final String REPLY_HINT = "quote the reply text: reply: \"550 5.1.1 <x@y>: …\"";
  private static final Pattern REPLY_KEY = Pattern.compile("(?:^|[\\s{,])(?:reply|raw)\\s*:\\s");
  private static final Pattern OWNER_KEY = Pattern.compile("\\s*(?:-\\s+)?(?:reply|raw)\\s*:\\s*");

  private static final Pattern BLOCK_END =
      Pattern.compile("expected <block end>, but found '(.*)'");

  private final YamlLines lines;

  private YamlSyntaxHints(String text) {
    this.lines = new YamlLines(text);
  }

  /** The hint for {@code e} in {@code text}, or null when none is known. */
  static Hint of(MarkedYAMLException e, String text) {
    Mark mark = e.getProblemMark();
    if (mark == null || e.getProblem() == null) {
      return null;
    }
    return new YamlSyntaxHints(text).hint(e.getProblem(), mark, e.getContextMark());
  }

  private Hint hint(String problem, Mark mark, Mark context) {
    int line = mark.getLine();
    int column = mark.getColumn();
    if (colonInReply(line, column)) {
      return new Hint(line, column, REPLY_HINT);
    }
    if (problem.contains("(TAB)")) {
      return new Hint(line, column, "indent with spaces only: replace this tab with spaces");
    }
    if (problem.startsWith("mapping values are not allowed here")) {
      return colonNotAllowed(line, column);
    }
    Matcher blockEnd = BLOCK_END.matcher(problem);
    if (blockEnd.matches()) {
      return misplaced(blockEnd.group(1), line, column, context);
    }
    if (context != null && context.getLine() < line) {
      String opened = String.valueOf(lines.charAt(context.getLine(), context.getColumn()));
      if (problem.startsWith("expected ',' or '")) {
        return new Hint(
            context.getLine(),
            context.getColumn(),
            "this '"
                + opened
                + "' is never closed: end its list or mapping with '"
                + (opened.equals("[") ? "]" : "}")
                + "'");
      }
      if (problem.startsWith("found unexpected end of stream")) {
        return new Hint(
            context.getLine(),
            context.getColumn(),
            "this quote is never closed: end the value with the same quote mark (" + opened + ")");
      }
    }
    return null;
  }

  /**
   * A {@code :} where no key may start. It follows a key on the same line when a value holds {@code
   * ': '}; else the line is read as more of the line above's text, whose own shape says why.
   */
  private Hint colonNotAllowed(int line, int column) {
    Matcher items = lines.items(line);
    int keyColumn = items.start(2);
    String key = lines.text(line).substring(keyColumn, column).strip();
    if (key.contains(": ")) {
      return new Hint(line, column, "quote a value that holds ': ', e.g. key: \"a: b\"");
    }
    int above = lines.lineAbove(line);
    if (above < 0) {
      return null;
    }
    Matcher prev = lines.items(above);
    String content = prev.group(2).strip();
    int contentColumn = prev.start(2);
    if (content.startsWith("-")) {
      return new Hint(
          above,
          contentColumn,
          "put a space after the '-' of a list item: '- " + content.substring(1) + "'");
    }
    int colon = content.indexOf(':');
    if (colon < 0) {
      String[] words = content.split("\\s+", 2);
      return new Hint(
          above,
          contentColumn,
          "a key needs a colon: '"
              + words[0]
              + ":"
              + (words.length > 1 ? " " + words[1] : "")
              + "'");
    }
    if (!content.contains(": ") && !content.endsWith(":")) {
      return new Hint(
          above,
          contentColumn + colon,
          "put a space after the colon: '"
              + content.substring(0, colon + 1)
              + " "
              + content.substring(colon + 1)
              + "'");
    }
    if (keyColumn > contentColumn) {
      return new Hint(
          line,
          keyColumn,
          "'"
              + key
              + "' is indented more than '"
              + content.substring(0, colon)
              + "' on line "
              + (above + 1)
              + ": start it in column "
              + (contentColumn + 1)
              + ", as that key");
    }
    return null;
  }

  /**
   * A key, list item or text in a column where the block it is in does not expect one: it lines up
   * with none of the keys (or dashes) above it.
   */
  private Hint misplaced(String found, int line, int column, Mark context) {
    if (found.equals("<scalar>")) {
      return new Hint(
          line,
          column,
          "a quoted value ends at its closing quote: quote the whole value, or nothing of it");
    }
    boolean dash = found.equals("-") || found.equals("<block sequence start>");
    if (found.equals("-") && context != null) {
      return new Hint(
          line,
          column,
          "a list item among the keys of the mapping at "
              + (context.getLine() + 1)
              + ":"
              + (context.getColumn() + 1)
              + ": start each item of the list with '- ', the first one too");
    }
    List<String> columns = new ArrayList<>();
    for (int[] at :
        new int[][] {
          lines.nearest(line, column, dash, true), lines.nearest(line, column, dash, false)
        }) {
      if (at != null) {
        columns.add(
            "in column "
                + (at[1] + 1)
                + ", as '"
                + lines.token(at[0], at[1])
                + "' on line "
                + (at[0] + 1));
      }
    }
    if (columns.isEmpty()) {
      return null;
    }
    // a key in the column of the dash above is most often a new item that lacks its dash
    String newItem =
        !dash && lines.nearestDash(line) == column
            ? "write '- ' before it to start a new list item, or "
            : "";
    return new Hint(
        line,
        column,
        (dash ? "this list item" : "'" + lines.token(line, column) + "'")
            + " lines up with nothing above it: "
            + newItem
            + "start it "
            + String.join(", or ", columns));
  }

  /**
   * Whether the mark is at a colon in the value of a {@code reply}/{@code raw} key or one of its
   * items: "mapping values are not allowed here" in block style, "expected ',' or '}'" in flow.
   */
  private boolean colonInReply(int line, int column) {
    if (line >= lines.count() || lines.charAt(line, column) != ':') {
      return false;
    }
    String text = lines.text(line);
    if (REPLY_KEY.matcher(text.substring(0, column)).find()) {
      return true;
    }
    int indent = YamlLines.indentOf(text);
    if (!text.stripLeading().startsWith("-")) {
      return false;
    }
    for (int i = lines.lineAbove(line); i >= 0; i = lines.lineAbove(i)) {
      String above = lines.text(i);
      if (YamlLines.indentOf(above) < indent || !above.stripLeading().startsWith("-")) {
        return OWNER_KEY.matcher(above).matches();
      }
    }
    return false;
  }
}
