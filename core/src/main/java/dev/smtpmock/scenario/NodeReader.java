package dev.smtpmock.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads typed values out of composed YAML nodes. Every problem is recorded at its 1-based position
 * and reading goes on, so that one load reports them all; a method that finds a problem returns
 * null.
 */
final class NodeReader {
  /** The tags plain YAML data resolves to; any other tag would ask for an object. */
  private static final Set<Tag> PLAIN_DATA =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.MAP, Tag.SEQ);

  private final String source;
  private final List<ScenarioProblem> problems = new ArrayList<>();

  NodeReader(String source) {
    this.source = source;
  }

  String source() {
    return source;
  }

  List<ScenarioProblem> problems() {
    return problems;
  }

  static SourceMap.Position position(Node node) {
    return position(node.getStartMark());
  }

  static SourceMap.Position position(Mark mark) {
    return new SourceMap.Position(mark.getLine() + 1, mark.getColumn() + 1);
  }

  void error(Node at, String message) {
    SourceMap.Position p = position(at);
    problems.add(
        new ScenarioProblem(source, p.line(), p.column(), ScenarioProblem.Severity.ERROR, message));
  }

  /**
   * The entries of a mapping by key, in order. Reports keys that are not text, duplicates and keys
   * not in {@code keys}, and leaves them out.
   */
  Map<String, NodeTuple> fields(Node node, String what, List<String> keys) {
    return mapping(node, what, keys, false);
  }

  /** The entries of a mapping whose keys are free text; {@code ignoreCase} for duplicates. */
  Map<String, NodeTuple> entries(Node node, String what, boolean ignoreCase) {
    return mapping(node, what, null, ignoreCase);
  }

  private Map<String, NodeTuple> mapping(
      Node node, String what, List<String> keys, boolean ignoreCase) {
    if (!plain(node)) {
      return null;
    }
    if (!(node instanceof MappingNode mapping)) {
      error(node, what + " must be a mapping (key: value lines), not " + kind(node));
      return null;
    }
    Map<String, NodeTuple> result = new LinkedHashMap<>();
    Map<String, Node> seen = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (keyNode.getTag().equals(Tag.MERGE)) {
        error(keyNode, "YAML merge keys (<<) are not supported: write the keys out");
        continue;
      }
      if (!plain(keyNode)) {
        continue;
      }
      if (!(keyNode instanceof ScalarNode scalar)) {
        error(keyNode, "a key of " + what + " must be text, not " + kind(keyNode));
        continue;
      }
      String key = scalar.getValue();
      Node first = seen.putIfAbsent(ignoreCase ? key.toLowerCase(Locale.ROOT) : key, keyNode);
      if (first != null) {
        SourceMap.Position p = position(first);
        error(
            keyNode, "duplicate key '" + key + "' (first at " + p.line() + ":" + p.column() + ")");
      } else if (keys != null && !keys.contains(key)) {
        error(
            keyNode,
            "unknown key '"
                + key
                + "'"
                + DidYouMean.hint(key, keys, "the keys of " + what + " are"));
      } else {
        result.put(key, tuple);
      }
    }
    return result;
  }

  /** A scalar's text, whatever YAML type it resolved to. */
  String text(Node node, String what) {
    if (!plain(node)) {
      return null;
    }
    if (!(node instanceof ScalarNode scalar)) {
      error(node, what + " must be text, not " + kind(node));
      return null;
    }
    if (scalar.getTag().equals(Tag.NULL)) {
      error(node, what + " has no value");
      return null;
    }
    return scalar.getValue();
  }

  Integer integer(Node node, String what) {
    Long value = whole(node, what);
    if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
      error(node, what + " is too large");
      return null;
    }
    return value == null ? null : value.intValue();
  }

  /** A YAML integer written in decimal. */
  Long whole(Node node, String what) {
    String text = text(node, what);
    if (text == null) {
      return null;
    }
    if (node.getTag().equals(Tag.INT) && text.matches("[-+]?[0-9]+")) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        error(node, what + " is too large");
        return null;
      }
    }
    error(node, what + " must be a whole number, not '" + text + "'");
    return null;
  }

  Double number(Node node, String what) {
    String text = text(node, what);
    if (text == null) {
      return null;
    }
    if (node.getTag().equals(Tag.INT) || node.getTag().equals(Tag.FLOAT)) {
      try {
        return Double.parseDouble(text.replace("_", ""));
      } catch (NumberFormatException e) {
        // a YAML float such as .inf has no Java spelling; reported below
      }
    }
    error(node, what + " must be a number, not '" + text + "'");
    return null;
  }

  Boolean bool(Node node, String what) {
    String text = text(node, what);
    if (text == null) {
      return null;
    }
    if (!node.getTag().equals(Tag.BOOL)) {
      error(node, what + " must be true or false, not '" + text + "'");
      return null;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      default -> false;
    };
  }

  /** A sequence's items; with {@code scalarIsOneItem}, a scalar stands for a list of itself. */
  List<Node> list(Node node, String what, boolean scalarIsOneItem) {
    if (!plain(node)) {
      return null;
    }
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    if (node.getTag().equals(Tag.NULL)) {
      error(node, what + " has no value");
      return null;
    }
    if (scalarIsOneItem && node instanceof ScalarNode) {
      return List.of(node);
    }
    error(node, what + " must be a list, not " + kind(node));
    return null;
  }

  /** One of {@code names}; an unknown name is reported with the nearest valid one. */
  <E> E choice(Node node, String noun, Map<String, E> names) {
    String text = text(node, noun);
    if (text == null) {
      return null;
    }
    E value = names.get(text);
    if (value == null) {
      error(
          node,
          "unknown "
              + noun
              + " '"
              + text
              + "'"
              + DidYouMean.hint(text, names.keySet(), "expected one of"));
    }
    return value;
  }

  /** A list whose items are each one of {@code names}, each at most once. */
  <E> List<E> choices(
      Node node, String what, String noun, Map<String, E> names, boolean scalarIsOneItem) {
    List<Node> items = list(node, what, scalarIsOneItem);
    if (items == null) {
      return null;
    }
    List<E> result = new ArrayList<>();
    for (Node item : items) {
      E value = choice(item, noun, names);
      if (value != null && result.contains(value)) {
        error(item, noun + " '" + ((ScalarNode) item).getValue() + "' is listed twice");
      } else if (value != null) {
        result.add(value);
      }
    }
    return result;
  }

  /** {@code value}, or null with a problem when it is below {@code min}. */
  <T extends Number> T atLeast(T value, long min, Node node, String what) {
    if (value != null && value.longValue() < min) {
      error(node, what + " must be at least " + min);
      return null;
    }
    return value;
  }

  /** A duration; a YAML number is refused by name, since {@code 1:30} silently reads as 90. */
  Duration duration(Node node, String what) {
    if (node.getTag().equals(Tag.INT) || node.getTag().equals(Tag.FLOAT)) {
      error(
          node,
          what
              + ": '"
              + ((ScalarNode) node).getValue()
              + "' is a YAML number, but a duration needs a unit: "
              + ScenarioValues.DURATION_HELP);
      return null;
    }
    return parsed(node, what, ScenarioValues::duration);
  }

  Long size(Node node, String what) {
    return parsed(node, what, ScenarioValues::size);
  }

  /** The text run through {@code parser}, whose IllegalArgumentException becomes a problem. */
  <T> T parsed(Node node, String what, Function<String, T> parser) {
    String text = text(node, what);
    if (text == null) {
      return null;
    }
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      error(node, what + ": " + e.getMessage());
      return null;
    }
  }

  /** False, with a problem, for a node whose tag asks for more than plain data. */
  private boolean plain(Node node) {
    if (PLAIN_DATA.contains(node.getTag())) {
      return true;
    }
    error(
        node,
        "YAML tag '"
            + node.getTag().getValue().replace(Tag.PREFIX, "!!")
            + "' is not allowed: a scenario is plain data");
    return false;
  }

  private static String kind(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return node.getTag().equals(Tag.NULL) ? "nothing" : "'" + ((ScalarNode) node).getValue() + "'";
  }
}
