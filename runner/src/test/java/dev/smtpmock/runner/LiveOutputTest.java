package dev.smtpmock.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code run} prints while it runs: text, JSON, nothing (--quiet), reload notices. */
class LiveOutputTest {
  private static final String SCENARIO =
      """
      scenario: live
      rules:
        - name: no-bob
          when: rcpt
          match: bob@
          reply: 550 5.1.1 No such user
      """;

  @TempDir Path dir;
  private InProcess cli;
  private CompletableFuture<Integer> exit;

  private Runner start(String... options) throws IOException {
    Path file = Files.writeString(dir.resolve("live.yaml"), SCENARIO);
    List<String> args =
        new java.util.ArrayList<>(
            List.of("run", file.toString(), "--smtp-port", "0", "--admin-port", "-1"));
    args.addAll(List.of(options));
    cli = new InProcess();
    exit = cli.start(args.toArray(String[]::new));
    return cli.runner();
  }

  @AfterEach
  void stop() throws Exception {
    cli.runner().close();
    assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(143);
  }

  @Test
  void textShowsSessionsCommandsRepliesFiredRulesAndHowSessionsEnded() throws IOException {
    Runner runner = start();
    Mails.send(
        runner.smtp().port(), "alice@a.test", List.of("bob@b.test", "carol@c.test"), "Hi", "x");
    await().atMost(Duration.ofSeconds(5)).until(() -> cli.out().contains("ended: quit"));
    String out = cli.out();
    List<String> lines = out.strip().lines().toList();
    assertThat(lines.subList(lines.size() - 2, lines.size()))
        .satisfiesExactly(
            bye -> assertThat(bye).endsWith("S000001 S: 221 2.0.0 Bye"),
            ended -> assertThat(ended).isEqualTo("--- session S000001 ended: quit ---"));
    assertThat(out.lines().findFirst()).get().asString().startsWith("smtpmock ready ");
    assertThat(out)
        .contains("--- session S000001 ---")
        .contains("S000001 S: 220 smtpmock.test ESMTP smtpmock")
        .contains("S000001 C: MAIL FROM:<alice@a.test>")
        .containsPattern(
            "S000001 S: 550 5.1.1 No such user  <- rule no-bob \\(.*live.yaml:3:\\d+\\)")
        .contains("S000001 S: 250 2.1.5 Ok")
        .doesNotContain("\u001b[");
  }

  @Test
  void jsonWritesOneObjectPerLineWithTheSpecFields() throws IOException {
    Runner runner = start("--log-format", "json");
    Mails.send(runner.smtp().port(), "alice@a.test", List.of("bob@b.test"), "Hi", "x");
    await().atMost(Duration.ofSeconds(5)).until(() -> cli.out().contains("221"));
    List<String> lines = cli.out().lines().toList();
    assertReadyAsJson(lines.get(0), runner);
    for (String line : lines.subList(1, lines.size())) {
      JsonNode node = Json.MAPPER.readTree(line);
      assertThat(node.fieldNames())
          .toIterable()
          .containsExactly("ts", "session", "dir", "text", "rule");
      assertThat(node.get("ts").asText())
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
      assertThat(node.get("session").asText()).isEqualTo("S000001");
      assertThat(node.get("dir").asText()).isIn("C", "S");
    }
    JsonNode refused =
        lines.stream()
            .skip(1)
            .map(LiveOutputTest::parse)
            .filter(n -> n.get("text").asText().startsWith("550"))
            .findFirst()
            .orElseThrow();
    assertThat(refused.get("rule").get("name").asText()).isEqualTo("no-bob");
    assertThat(refused.get("rule").get("line").asInt()).isEqualTo(3);
  }

  @Test
  void quietJsonPrintsOnlyTheReadyLineAsJson() throws IOException {
    Runner runner = start("--quiet", "--log-format", "json", "--seed", "-9007199254740993");
    Mails.send(runner.smtp().port(), "alice@a.test", List.of("carol@c.test"), "Hi", "x");
    runner.smtp().awaitMessages(1, Duration.ofSeconds(5));
    runner.close();
    List<String> lines = cli.out().lines().toList();
    assertThat(lines).hasSize(1);
    assertReadyAsJson(lines.get(0), runner);
    // beyond 2^53: a string, so that jq and JavaScript hand back the seed exactly
    assertThat(parse(lines.get(0)).get("seed").asText()).isEqualTo("-9007199254740993");
  }

  /** The ready line's fields, as an object of its own among the live output's. */
  private static void assertReadyAsJson(String line, Runner runner) {
    JsonNode ready = parse(line);
    assertThat(ready.fieldNames())
        .toIterable()
        .containsExactly("event", "smtp", "admin", "scenario", "seed");
    assertThat(ready.get("event").asText()).isEqualTo("ready");
    assertThat(ready.get("smtp").asText()).isEqualTo("127.0.0.1:" + runner.smtp().port());
    assertThat(ready.get("admin").asText()).isEqualTo("off");
    assertThat(ready.get("scenario").asText()).isEqualTo("live");
    assertThat(ready.get("seed").asText()).isEqualTo(Long.toString(runner.smtp().seed()));
  }

  @Test
  void quietPrintsOnlyTheReadyLine() throws IOException {
    Runner runner = start("--quiet");
    Mails.send(runner.smtp().port(), "alice@a.test", List.of("carol@c.test"), "Hi", "x");
    runner.smtp().awaitMessages(1, Duration.ofSeconds(5));
    runner.close();
    assertThat(cli.out()).matches("smtpmock ready [^\n]+\n");
  }

  @Test
  void watchReloadsAChangedFileAndKeepsTheOldOneOnABadEdit() throws Exception {
    Runner runner = start("--watch", "--quiet");
    Path file = dir.resolve("live.yaml");
    assertThat(runner.smtp().scenario().name()).isEqualTo("live");

    Files.writeString(file, "scenario: edited\nrules: []\n");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> runner.smtp().scenario().name().equals("edited"));
    await().atMost(Duration.ofSeconds(2)).until(() -> cli.err().contains("reloaded"));
    assertThat(cli.err()).contains("reloaded " + file + ": scenario edited");

    Files.writeString(file, "scenario: broken\nrules:\n  - when: rcpt\n    replay: 550 no\n");
    await().atMost(Duration.ofSeconds(5)).until(() -> cli.err().contains("has errors"));
    assertThat(cli.err())
        .contains(file + " has errors; keeping scenario edited:")
        .contains(file + ":4:5: error:");
    assertThat(runner.smtp().scenario().name()).isEqualTo("edited");
  }

  private static JsonNode parse(String line) {
    try {
      return Json.MAPPER.readTree(line);
    } catch (IOException e) {
      throw new AssertionError(line, e);
    }
  }
}
