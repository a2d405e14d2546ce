package dev.smtpmock.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The user's reference, {@code docs/scenarios.md}, and the JSON Schema describe the same keys, and
 * the schema describes each of them, so that editors show on hover what the reference says.
 *
 * <p>The reference gives each key a heading that is the key's full path in backticks and nothing
 * else: {@code server.tls.certificate} is {@code certificate} inside {@code tls} inside {@code
 * server}, {@code rules[].nth} is {@code nth} in an item of {@code rules}.
 */
class ScenarioReferenceTest {
  /** From the core module, where Maven runs its tests; docs/ is at the repository root. */
  private static final Path REFERENCE = Path.of("../docs/scenarios.md");

  private static final Pattern KEY_HEADING =
      Pattern.compile("^#{2,6} `([a-z][a-z0-9-]*(?:(?:\\[\\])?\\.[a-z][a-z0-9-]*)*)`$");

  private static JsonNode schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    schema =
        new ObjectMapper()
            .readTree(ScenarioReferenceTest.class.getResource("/smtpmock-scenario.schema.json"));
  }

  @Test
  void everyPropertyOfTheSchemaHasADescription() {
    List<String> undescribed = new ArrayList<>();
    undescribed(schema, "", undescribed);
    assertThat(undescribed).isEmpty();
  }

  @Test
  void theReferenceHasAHeadingForEveryKeyOfTheSchemaAndNoOther() throws IOException {
    Set<String> documented = documentedKeys();
    Set<String> inSchema = new TreeSet<>();
    keys(schema, "", inSchema);
    assertThat(inSchema).as("the schema's keys, read by this test").hasSizeGreaterThan(40);
    Set<String> missing = new TreeSet<>(inSchema);
    missing.removeAll(documented);
    Set<String> extra = new TreeSet<>(documented);
    extra.removeAll(inSchema);
    assertThat(missing).as("schema keys without a heading in " + REFERENCE).isEmpty();
    assertThat(extra).as("headings in " + REFERENCE + " for keys the schema lacks").isEmpty();
  }

  @Test
  void theReferenceNamesTheSchemaByItsId() throws IOException {
    assertThat(Files.readString(REFERENCE, StandardCharsets.UTF_8))
        .contains("`" + schema.path("$id").asText() + "`");
  }

  /** Every member of every {@code properties} object, wherever it stands, as a JSON pointer. */
  private static void undescribed(JsonNode node, String pointer, List<String> found) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        undescribed(node.get(i), pointer + "/" + i, found);
      }
      return;
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String at = pointer + "/" + field.getKey();
      if (field.getKey().equals("properties") && field.getValue().isObject()) {
        field
            .getValue()
            .properties()
            .forEach(
                p -> {
                  if (!p.getValue().path("description").isTextual()
                      || p.getValue().path("description").asText().isBlank()) {
                    found.add(at + "/" + p.getKey());
                  }
                });
      }
      if (field.getValue().isContainerNode()) {
        undescribed(field.getValue(), at, found);
      }
    }
  }

  /**
   * The key paths a scenario can hold: the properties reachable from the root through {@code $ref},
   * alternatives ({@code oneOf}, {@code anyOf}) and list items. Constraints such as {@code
   * dependentSchemas} name keys already listed, and are not followed.
   */
  private static void keys(JsonNode node, String prefix, Set<String> found) {
    JsonNode resolved = resolve(node);
    resolved
        .path("properties")
        .properties()
        .forEach(
            p -> {
              String path = prefix + p.getKey();
              found.add(path);
              keys(p.getValue(), path + ".", found);
            });
    for (String alternatives : List.of("oneOf", "anyOf")) {
      resolved.path(alternatives).forEach(alternative -> keys(alternative, prefix, found));
    }
    JsonNode items = resolve(resolved.path("items"));
    if (!items.isMissingNode() && !prefix.isEmpty()) {
      keys(items, prefix.substring(0, prefix.length() - 1) + "[].", found);
    }
  }

  private static JsonNode resolve(JsonNode node) {
    JsonNode ref = node.path("$ref");
    return ref.isTextual() ? schema.at(ref.asText().substring(1)) : node;
  }

  private static Set<String> documentedKeys() throws IOException {
    Set<String> keys = new TreeSet<>();
    boolean inCode = false;
    for (String line : Files.readAllLines(REFERENCE, StandardCharsets.UTF_8)) {
      if (line.startsWith("```")) {
        inCode = !inCode;
      }
      Matcher heading = KEY_HEADING.matcher(line.strip());
      if (!inCode && heading.matches()) {
        assertThat(keys.add(heading.group(1))).as("a second heading for " + line).isTrue();
      }
    }
    return keys;
  }
}
