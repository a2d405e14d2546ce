package dev.smtpmock.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the scenario reference tells editors to load is the schema the build ships: its {@code #
 * yaml-language-server: $schema=…} modelines and its VS Code {@code yaml.schemas} setting, followed
 * the way the YAML language server follows them — a URL against a started runner, a relative path
 * from the scenario file's folder (or from the workspace, for the setting) to the file the
 * reference's own {@code schema} command writes.
 */
class EditorSchemaTest {
  /** From the runner module, where Maven runs its tests; docs/ is at the repository root. */
  private static final Path REFERENCE = Path.of("../docs/scenarios.md");

  /** The runner's default admin address, the one a modeline can name. */
  private static final String DEFAULT_ADMIN = "http://127.0.0.1:8025";

  private static final Pattern MODELINE =
      Pattern.compile("^# yaml-language-server: \\$schema=(\\S+)$", Pattern.MULTILINE);
  private static final Pattern WRITE_SCHEMA =
      Pattern.compile("^java -jar smtpmock\\.jar schema > (\\S+)$", Pattern.MULTILINE);
  private static final Pattern JSON_BLOCK =
      Pattern.compile("^```json\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);

  private static final String SCHEMA =
      new String(ServerApi.resource(ServerApi.SCHEMA), StandardCharsets.UTF_8);

  @TempDir Path workspace;

  @Test
  void aModelineUrlIsServedTheSchemaByARunner() throws IOException {
    List<String> urls = modelines().stream().filter(m -> m.startsWith("http")).toList();
    assertThat(urls).as("modelines with a URL in " + REFERENCE).isNotEmpty();
    try (AdminClient admin = new AdminClient("scenario: editor\n")) {
      for (String url : urls) {
        assertThat(url).as("a modeline URL").startsWith(DEFAULT_ADMIN + "/");
        HttpResponse<String> response = admin.get(URI.create(url).getRawPath());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(ServerApi.SCHEMA_JSON);
        assertThat(response.body()).as(url).isEqualTo(SCHEMA);
      }
    }
  }

  @Test
  void aModelinePathLeadsFromTheScenarioToTheFileTheSchemaCommandWrites() throws IOException {
    Path written = writeSchemaAsDocumented();
    Path scenario = written.resolveSibling("scenario.yaml");
    List<String> paths = modelines().stream().filter(m -> !m.startsWith("http")).toList();
    assertThat(paths).as("modelines with a path in " + REFERENCE).isNotEmpty();
    for (String path : paths) {
      Path schema = scenario.getParent().resolve(path).normalize();
      assertThat(schema).as(path + " from " + scenario).isEqualTo(written.normalize());
    }
  }

  @Test
  void theVsCodeSettingMapsTheWrittenFileToTheScenarios() throws IOException {
    Path written = writeSchemaAsDocumented();
    JsonNode settings = vsCodeSettings();
    assertThat(settings.properties()).as("yaml.schemas entries").isNotEmpty();
    settings
        .properties()
        .forEach(
            entry -> {
              Path schema = workspace.resolve(entry.getKey()).normalize();
              assertThat(schema).as(entry.getKey()).isEqualTo(written.normalize());
              Path scenario = workspace.relativize(written.resolveSibling("scenario.yaml"));
              assertThat(
                      FileSystems.getDefault()
                          .getPathMatcher("glob:" + entry.getValue().asText())
                          .matches(scenario))
                  .as(entry.getValue() + " matches " + scenario)
                  .isTrue();
            });
  }

  /**
   * Runs the reference's {@code java -jar smtpmock.jar schema > FILE} in the workspace, checks that
   * what it writes is the schema the build ships, and returns the file.
   */
  private Path writeSchemaAsDocumented() throws IOException {
    Matcher command = WRITE_SCHEMA.matcher(reference());
    assertThat(command.find()).as("a 'schema >' command in " + REFERENCE).isTrue();
    InProcess cli = new InProcess();
    assertThat(cli.execute("schema")).isZero();
    Path file = workspace.resolve(command.group(1));
    Files.createDirectories(file.getParent());
    Files.writeString(file, cli.out(), StandardCharsets.UTF_8);
    assertThat(file).content(StandardCharsets.UTF_8).isEqualTo(SCHEMA);
    return file;
  }

  private static List<String> modelines() throws IOException {
    List<String> found = new ArrayList<>();
    Matcher m = MODELINE.matcher(reference());
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static JsonNode vsCodeSettings() throws IOException {
    Matcher block = JSON_BLOCK.matcher(reference());
    while (block.find()) {
      JsonNode json = Json.MAPPER.readTree(block.group(1));
      if (json.has("yaml.schemas")) {
        return json.get("yaml.schemas");
      }
    }
    throw new AssertionError("no JSON block with yaml.schemas in " + REFERENCE);
  }

  private static String reference() throws IOException {
    return Files.readString(REFERENCE, StandardCharsets.UTF_8);
  }
}
