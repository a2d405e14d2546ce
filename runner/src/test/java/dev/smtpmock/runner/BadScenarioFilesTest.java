package dev.smtpmock.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smtpmock.testing.ExpectedProblems;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Core's committed bad files draw, through both of the runner's doors, exactly the problems at the
 * positions their {@code # expect:} lines name: {@code validate} prints them, {@code PUT
 * /api/scenario} (a real request to a started runner) answers them in its 400.
 */
class BadScenarioFilesTest {
  private static final Path BAD = Path.of("../core/src/test/resources/scenarios/load-bad");
  private static final Pattern KEYSTORE = Pattern.compile("(?m)^(\\s*keystore: )(\\S+)$");

  private static AdminClient admin;

  @BeforeAll
  static void start() {
    admin = new AdminClient("scenario: before\n");
  }

  @AfterAll
  static void stop() {
    admin.close();
  }

  static List<Path> files() {
    return ExpectedProblems.files(BAD);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void validatePrintsEveryProblemAtItsPosition(Path file) {
    InProcess cli = new InProcess();
    assertThat(cli.execute("validate", file.toString())).isEqualTo(ExitCodes.INVALID);
    String prefix = file + ":";
    List<String> problems =
        cli.out()
            .lines()
            .filter(line -> line.startsWith(prefix) && !line.startsWith(prefix + " "))
            .map(line -> line.substring(prefix.length()))
            .toList();
    assertThat(problems).containsExactlyElementsOf(ExpectedProblems.of(file)).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void putAnswersEveryProblemAtItsPosition(Path file) throws IOException {
    HttpResponse<String> response = admin.send("PUT", "/api/scenario", asSent(file));
    assertThat(response.statusCode()).isEqualTo(400);
    List<String> problems = new ArrayList<>();
    for (JsonNode p : AdminClient.json(response).get("problems")) {
      problems.add(
          p.get("line").asInt()
              + ":"
              + p.get("column").asInt()
              + ": "
              + p.get("severity").asText()
              + ": "
              + p.get("message").asText());
    }
    assertThat(problems).containsExactlyElementsOf(ExpectedProblems.of(file)).isNotEmpty();
    assertThat(admin.get("/api/scenario").body()).contains("before");
  }

  /**
   * The file's text, its keystore made absolute: a body sent over HTTP has no folder that a
   * relative path could be taken from, as the file's has for {@code validate}. The problem is at
   * the {@code keystore} key, so its position does not move.
   */
  private static String asSent(Path file) throws IOException {
    Matcher m = KEYSTORE.matcher(Files.readString(file, StandardCharsets.UTF_8));
    StringBuilder text = new StringBuilder();
    while (m.find()) {
      Path keystore = file.getParent().resolve(m.group(2));
      String sent = Files.exists(keystore) ? keystore.toAbsolutePath().toString() : m.group(2);
      m.appendReplacement(text, Matcher.quoteReplacement(m.group(1) + sent));
    }
    return m.appendTail(text).toString();
  }
}
