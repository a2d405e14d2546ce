package dev.smtpmock.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML text's lines as block style lays them out, for {@link YamlSyntaxHints}: where each line's
 * list dashes and key start, and which lines above a position line up with it. Lines and columns
 * are 0-based, as SnakeYAML's marks are.
 */
final class YamlLines {
  /** A line's leading dashes of list items, then what follows them. */
  private static final Pattern ITEMS = Pattern.compile("((?:-\\s+)*)(.*)");

  private final String[] lines;

  YamlLines(String text) {
    this.lines = text.split("\r\n|\r|\n", -1);
  }

  int count() {
    return lines.length;
  }

  String text(int line) {
    return lines[line];
  }

  /**
   * The nearest line above with a key (or with {@code dash}, a list item) that starts right of
   * {@code column} ({@code right}) or left of it, as {line, column}; null for none.
   */
  int[] nearest(int line, int column, boolean dash, boolean right) {
    for (int i = lineAbove(line); i >= 0; i = lineAbove(i)) {
      int best = -1;
      for (int start : starts(i, dash)) {
        if (right ? start > column && (best < 0 || start < best) : start < column && start > best) {
          best = start;
        }
      }
      if (best >= 0) {
        return new int[] {i, best};
      }
    }
    return null;
  }

  /** The column of the dash of the list item nearest above {@code line}, or -1. */
  int nearestDash(int line) {
    for (int i = lineAbove(line); i >= 0; i = lineAbove(i)) {
      List<Integer> dashes = starts(i, true);
      if (!dashes.isEmpty()) {
        return dashes.get(dashes.size() - 1);
      }
    }
    return -1;
  }

  /** Where a line's dashes (with {@code dash}) or its key start. */
  List<Integer> starts(int line, boolean dash) {
    Matcher m = items(line);
    List<Integer> starts = new ArrayList<>();
    if (dash) {
      for (int i = m.start(1); i < m.end(1); i++) {
        if (lines[line].charAt(i) == '-') {
          starts.add(i);
        }
      }
    } else if (m.start(2) < lines[line].length()) {
      starts.add(m.start(2));
    }
    return starts;
  }

  /** The word at a position: a key's name, or the dash of a list item. */
  String token(int line, int column) {
    String rest = lines[line].substring(column);
    if (rest.startsWith("-")) {
      return "-";
    }
    int end = 0;
    while (end < rest.length()
        && rest.charAt(end) != ':'
        && !Character.isWhitespace(rest.charAt(end))) {
      end++;
    }
    return rest.substring(0, end);
  }

  /** The line's indentation and list dashes as group 1, the rest as group 2. */
  Matcher items(int line) {
    String text = lines[line];
    int indent = text.length() - text.stripLeading().length();
    Matcher m = ITEMS.matcher(text);
    m.region(indent, text.length());
    if (!m.matches()) {
      throw new IllegalStateException("ITEMS matches every line");
    }
    return m;
  }

  /** The nearest line above that holds more than a comment, or -1. */
  int lineAbove(int line) {
    for (int i = line - 1; i >= 0; i--) {
      String above = lines[i].strip();
      if (!above.isEmpty() && !above.startsWith("#")) {
        return i;
      }
    }
    return -1;
  }

  char charAt(int line, int column) {
    return line < lines.length && column < lines[line].length() ? lines[line].charAt(column) : ' ';
  }

  static int indentOf(String line) {
    return line.length() - line.stripLeading().length();
  }
}
