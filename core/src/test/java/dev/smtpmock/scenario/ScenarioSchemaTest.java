package dev.smtpmock.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The published JSON Schema (SPEC 2.10) accepts every scenario in the repo and rejects the
 * committed bad files, and the loader agrees with it on both.
 */
class ScenarioSchemaTest {
  private static final Path SCENARIOS = Path.of("src/test/resources/scenarios");
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in =
        ScenarioSchemaTest.class.getResourceAsStream("/smtpmock-scenario.schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  private static Set<ValidationMessage> validate(Path file) throws IOException {
    Object document =
        new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    JsonNode json = new ObjectMapper().valueToTree(document);
    return schema.validate(json);
  }

  static Stream<Path> goodFiles() {
    return Stream.of(
            SCENARIOS.resolve("good"),
            SCENARIOS.resolve("extends"),
            Path.of("src/test/resources/smtpmock/scenarios"),
            Path.of("../scenarios/src/main/resources/smtpmock/scenarios"))
        .filter(Files::isDirectory)
        .flatMap(ScenarioSchemaTest::yamlFiles);
  }

  static Stream<Path> badFiles() {
    return yamlFiles(SCENARIOS.resolve("schema-bad"));
  }

  private static Stream<Path> yamlFiles(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goodFiles")
  void theSchemaAcceptsEveryScenarioInTheRepo(Path file) throws IOException {
    assertThat(validate(file)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void theSchemaRejectsEveryBadFile(Path file) throws IOException {
    assertThat(validate(file)).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void theLoaderRejectsEveryBadFileToo(Path file) {
    assertThatThrownBy(() -> Scenario.load(file)).isInstanceOf(InvalidScenarioException.class);
  }

  @Test
  void thereAreAtLeastEightBadFiles() {
    assertThat(badFiles()).hasSizeGreaterThanOrEqualTo(8);
  }

  @Test
  void everyRuleAndServerKeyIsInTheSchema() throws IOException {
    JsonNode json =
        new ObjectMapper().readTree(getClass().getResource("/smtpmock-scenario.schema.json"));
    assertThat(json.at("/properties").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrderElementsOf(ScenarioReader.KEYS);
    assertThat(json.at("/$defs/rule/properties").fieldNames())
        .toIterable()
        .containsExactlyElementsOf(RuleReader.KEYS);
    assertThat(json.at("/$defs/server/properties").fieldNames())
        .toIterable()
        .containsExactlyElementsOf(ServerReader.KEYS);
  }
}
