package dev.smtpmock.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Reads a scenario document's top-level keys (SPEC 2) into a {@link Scenario.Builder}. */
final class ScenarioReader {
  static final List<String> KEYS = List.of("scenario", "description", "server", "extends", "rules");

  private final NodeReader nodes;
  private final SourceMap sourceMap;
  private final Path directory;

  /** {@code directory}: the file's folder, for relative paths; null when there is none. */
  ScenarioReader(NodeReader nodes, SourceMap sourceMap, Path directory) {
    this.nodes = nodes;
    this.sourceMap = sourceMap;
    this.directory = directory;
  }

  /** The builder, holding every part that could be read; {@code root} null is an empty file. */
  Scenario.Builder read(Node root, String defaultName) {
    Scenario.Builder b =
        Scenario.builder().scenario(defaultName).baseDirectory(directory).sourceMap(sourceMap);
    Map<String, NodeTuple> fields =
        root == null ? Map.of() : nodes.fields(root, "a scenario", KEYS);
    if (fields == null) {
      return b;
    }
    fields.forEach(
        (key, tuple) -> {
          Node value = tuple.getValueNode();
          switch (key) {
            case "scenario" -> {
              String name = nodes.text(value, key);
              if (name != null && name.isBlank()) {
                nodes.error(value, "scenario: the name can't be blank");
              } else if (name != null) {
                b.scenario(name);
              }
            }
            case "description" -> {
              String description = nodes.text(value, key);
              if (description != null) {
                b.description(description);
              }
            }
            case "server" -> b.server(new ServerReader(nodes, directory).read(value));
            case "extends" -> {
              String reference = nodes.text(value, key);
              if (reference != null) {
                b.extendsScenario(reference);
                sourceMap.extendsValue(NodeReader.position(value));
              }
            }
            default -> rules(b, value);
          }
        });
    return b;
  }

  private void rules(Scenario.Builder b, Node value) {
    List<Node> items = nodes.list(value, "rules", false);
    if (items == null) {
      return;
    }
    RuleReader reader = new RuleReader(nodes, sourceMap);
    for (int i = 0; i < items.size(); i++) {
      Rule rule = reader.read(items.get(i));
      if (rule != null) {
        b.rule(rule);
      } else {
        sourceMap.skippedRule(i + 1);
      }
    }
  }
}
