package dev.smtpmock.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one rule (SPEC 2.2–2.7) through {@link Rule.Builder}, recording where each key was written;
 * then runs {@link RuleChecks} and reports each problem at its key.
 */
final class RuleReader {
  static final List<String> KEYS =
      List.of(
          "name",
          "when",
          "nth",
          "after",
          "per",
          "key",
          "connection",
          "times",
          "match",
          "header",
          "body",
          "min-size",
          "probability",
          "tls",
          "authenticated",
          "rate",
          "reply",
          "raw",
          "fault",
          "delay",
          "drip",
          "then",
          "after-bytes");
  private static final Map<String, Event> EVENTS = ScenarioValues.yamlNames(Event.class);
  private static final Map<String, Scope> SCOPES = ScenarioValues.yamlNames(Scope.class);
  private static final Map<String, CounterKey> COUNTER_KEYS =
      ScenarioValues.yamlNames(CounterKey.class);
  private static final Map<String, Fault> FAULTS = ScenarioValues.yamlNames(Fault.class);
  private static final Map<String, Then> THENS = ScenarioValues.yamlNames(Then.class);

  private final NodeReader nodes;
  private final SourceMap sourceMap;

  RuleReader(NodeReader nodes, SourceMap sourceMap) {
    this.nodes = nodes;
    this.sourceMap = sourceMap;
  }

  /** The rule, or null when it has a problem (reported, with every other problem it has). */
  Rule read(Node node) {
    int problemsBefore = nodes.problems().size();
    Map<String, NodeTuple> fields = nodes.fields(node, "a rule", KEYS);
    if (fields == null) {
      return null;
    }
    SourceMap.Position start = NodeReader.position(node);
    Rule.Location location = new Rule.Location(nodes.source(), start.line(), start.column());
    Rule.Builder b = Rule.builder().location(location);
    Set<String> unread = unknownKeys((MappingNode) node, fields.keySet());
    fields.forEach(
        (key, tuple) -> {
          sourceMap.ruleKey(location, key, NodeReader.position(tuple.getKeyNode()));
          Node value = tuple.getValueNode();
          int before = nodes.problems().size();
          try {
            apply(b, key, value);
          } catch (PatternSyntaxException e) {
            nodes.error(value, key + ": " + invalidRegex(e));
          } catch (IllegalArgumentException e) {
            nodes.error(value, key + ": " + e.getMessage());
          }
          if (nodes.problems().size() > before) {
            unread.add(key);
          }
        });
    Rule rule = b.buildUnchecked();
    List<RuleChecks.Problem> problems = b.errors(unread);
    problems.forEach(
        p ->
            nodes
                .problems()
                .add(sourceMap.atRule(rule, p.key(), ScenarioProblem.Severity.ERROR, p.message())));
    return problems.isEmpty() && nodes.problems().size() == problemsBefore ? rule : null;
  }

  /** The keys of the rule that {@code fields} left out (unknown ones); "" for a key not text. */
  private static Set<String> unknownKeys(MappingNode node, Set<String> known) {
    Set<String> unknown = new HashSet<>();
    for (NodeTuple tuple : node.getValue()) {
      String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
      if (!known.contains(key)) {
        unknown.add(key);
      }
    }
    return unknown;
  }

  private void apply(Rule.Builder b, String key, Node value) {
    switch (key) {
      case "name" -> {
        String name = nodes.text(value, key);
        if (name != null) {
          b.name(name);
        }
      }
      case "when" -> {
        List<Event> events = nodes.choices(value, key, "event", EVENTS, true);
        if (events != null) {
          b.when(events.toArray(Event[]::new));
        }
      }
      case "nth" -> ifSet(nodes.integer(value, key), b::nth);
      case "after" -> ifSet(nodes.integer(value, key), b::after);
      case "per" -> ifSet(nodes.choice(value, "scope", SCOPES), b::per);
      case "key" -> {
        List<CounterKey> keys = nodes.choices(value, key, "counter key", COUNTER_KEYS, true);
        if (keys != null) {
          keys.forEach(b::key);
        }
      }
      case "connection" -> connections(b, value);
      case "times" -> ifSet(nodes.integer(value, key), b::times);
      case "match" -> ifSet(nodes.text(value, key), b::match);
      case "header" -> headers(b, value);
      case "body" -> ifSet(nodes.text(value, key), b::body);
      case "min-size" -> ifSet(nodes.size(value, key), b::minSize);
      case "probability" -> ifSet(nodes.number(value, key), b::probability);
      case "tls" -> ifSet(nodes.bool(value, key), b::tls);
      case "authenticated" -> ifSet(nodes.bool(value, key), b::authenticated);
      case "rate" -> {
        Rule.Rate rate = nodes.parsed(value, key, ScenarioValues::rate);
        if (rate != null) {
          b.rate(rate.count(), rate.window());
        }
      }
      case "reply" -> reply(b, value);
      case "raw" -> ifSet(nodes.text(value, key), b::raw);
      case "fault" -> ifSet(nodes.choice(value, "fault", FAULTS), b::fault);
      case "delay" -> {
        Rule.Delay delay = delay(value);
        if (delay != null) {
          b.delay(delay.min(), delay.max());
        }
      }
      case "drip" -> ifSet(nodes.duration(value, key), b::drip);
      case "then" -> ifSet(nodes.choice(value, "then", THENS), b::then);
      default -> ifSet(nodes.size(value, key), b::afterBytes);
    }
  }

  private Rule.Delay delay(Node value) {
    if (value instanceof ScalarNode scalar && scalar.getValue().contains("..")) {
      return nodes.parsed(value, "delay", ScenarioValues::delay);
    }
    Duration fixed = nodes.duration(value, "delay");
    return fixed == null ? null : new Rule.Delay(fixed, fixed);
  }

  private void connections(Rule.Builder b, Node value) {
    List<Node> items = nodes.list(value, "connection", true);
    if (items == null) {
      return;
    }
    if (items.isEmpty()) {
      nodes.error(value, "connection needs at least one number");
    }
    for (Node item : items) {
      Rule.ConnectionRange range = nodes.parsed(item, "connection", ScenarioValues::connections);
      if (range != null) {
        b.connection(range.from(), range.to());
      }
    }
  }

  private void headers(Rule.Builder b, Node value) {
    Map<String, NodeTuple> headers = nodes.entries(value, "header", true);
    if (headers == null) {
      return;
    }
    if (headers.isEmpty()) {
      nodes.error(value, "header needs at least one 'Name: REGEX' entry");
    }
    headers.forEach(
        (name, tuple) -> {
          String regex = nodes.text(tuple.getValueNode(), "header " + name);
          try {
            if (regex != null) {
              b.header(name, regex);
            }
          } catch (PatternSyntaxException e) {
            nodes.error(tuple.getValueNode(), "header " + name + ": " + invalidRegex(e));
          }
        });
  }

  private void reply(Rule.Builder b, Node value) {
    if (!(value instanceof SequenceNode sequence)) {
      ifSet(replyText(value), b::reply);
      return;
    }
    List<String> lines = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      String line = replyText(item);
      if (line == null) {
        return;
      }
      lines.add(line);
    }
    b.reply(lines);
  }

  /** A reply line; an unquoted {@code 550 <x@y>: …} item reads as a mapping, hence the hint. */
  private String replyText(Node node) {
    if (node instanceof MappingNode) {
      nodes.error(node, "reply must be text, not a mapping — " + YamlSyntaxHints.REPLY_HINT);
      return null;
    }
    return nodes.text(node, "reply");
  }

  private static String invalidRegex(PatternSyntaxException e) {
    return "invalid regex '"
        + e.getPattern()
        + "': "
        + e.getDescription()
        + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "");
  }

  private static <T> void ifSet(T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }
}
