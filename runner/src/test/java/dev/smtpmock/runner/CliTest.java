package dev.smtpmock.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line in-process: exit codes, usage, validate, scenarios, schema, run's checks. */
class CliTest {
  @TempDir Path dir;

  @Test
  void helpListsTheCommandsAndExitsZero() {
    InProcess cli = new InProcess();
    assertThat(cli.execute("--help")).isZero();
    assertThat(cli.out()).contains("run", "validate", "scenarios", "schema", "143");
  }

  @Test
  void runHelpListsEveryOption() {
    InProcess cli = new InProcess();
    assertThat(cli.execute("run", "--help")).isZero();
    assertThat(cli.out())
        .contains(
            "--smtp-port",
            "--admin-port",
            "--bind",
            "--watch",
            "--quiet",
            "--log-format",
            "--seed",
            "--admin-token",
            "SCENARIO");
  }

  @Test
  void versionNamesTheProjectVersion() {
    InProcess cli = new InProcess();
    assertThat(cli.execute("--version")).isZero();
    assertThat(cli.out()).startsWith("smtpmock 0.1.0-SNAPSHOT");
  }

  @Test
  void noCommandIsAUsageError() {
    InProcess cli = new InProcess();
    assertThat(cli.execute()).isEqualTo(2);
    assertThat(cli.err()).contains("a command is required", "Usage:");
  }

  @Test
  void unknownOptionsAndCommandsAreUsageErrors() {
    assertThat(new InProcess().execute("run", "--no-such-option")).isEqualTo(2);
    assertThat(new InProcess().execute("frobnicate")).isEqualTo(2);
    assertThat(new InProcess().execute("run", "--log-format", "xml")).isEqualTo(2);
    assertThat(new InProcess().execute("validate")).isEqualTo(2);
  }

  @Test
  void portsOutOfRangeAreUsageErrors() {
    InProcess cli = new InProcess();
    assertThat(cli.execute("run", "--smtp-port", "70000")).isEqualTo(2);
    assertThat(cli.err()).contains("--smtp-port must be between 0 and 65535");
    assertThat(new InProcess().execute("run", "--admin-port", "-2")).isEqualTo(2);
  }

  @Test
  void watchingABuiltInIsAUsageError() {
    InProcess cli = new InProcess();
    assertThat(cli.execute("run", "default", "--watch")).isEqualTo(2);
    assertThat(cli.err()).contains("--watch needs a scenario file");
  }

  @Test
  void validateAcceptsAGoodFile() throws IOException {
    Path good =
        write("good.yaml", "rules:\n  - when: rcpt\n    nth: 3\n    reply: 452 4.5.3 Too many\n");
    InProcess cli = new InProcess();
    assertThat(cli.execute("validate", good.toString())).isZero();
    assertThat(cli.out()).isEqualTo(good + ": ok\n");
  }

  @Test
  void validatePrintsEveryProblemWithItsPositionAndExitsOne() throws IOException {
    Path good = write("good.yaml", "rules: []\n");
    Path bad =
        write(
            "bad.yaml",
            """
            rules:
              - when: rcpt
                replay: 550 5.1.1 No such user
              - when: mail
                reply: 999 bad code
            """);
    InProcess cli = new InProcess();
    assertThat(cli.execute("validate", good.toString(), bad.toString())).isEqualTo(1);
    assertThat(cli.out())
        .contains(good + ": ok")
        .containsPattern(
            "(?m)^"
                + java.util.regex.Pattern.quote(bad.toString())
                + ":3:5: error: .*replay.*did you mean 'reply'")
        .containsPattern(
            "(?m)^" + java.util.regex.Pattern.quote(bad.toString()) + ":5:\\d+: error: ")
        .contains(bad + ": ");
  }

  @Test
  void validateWithWarningsOnlyExitsZero() throws IOException {
    // a 3xx reply on an event other than data/auth is a warning (SPEC 2.7)
    Path warned = write("warned.yaml", "rules:\n  - when: rcpt\n    reply: 354 go on\n");
    InProcess cli = new InProcess();
    assertThat(cli.execute("validate", warned.toString())).isZero();
    assertThat(cli.out())
        .contains(warned + ":3:")
        .contains("warning:")
        .contains("ok with 1 warning");
  }

  @Test
  void validateReportsAMissingFile() {
    InProcess cli = new InProcess();
    assertThat(cli.execute("validate", dir.resolve("nope.yaml").toString())).isEqualTo(1);
    assertThat(cli.out()).contains("nope.yaml: error:");
  }

  @Test
  void scenariosListsTheBuiltInsWithTheirDescriptions() {
    InProcess cli = new InProcess();
    assertThat(cli.execute("scenarios")).isZero();
    assertThat(cli.out())
        .containsPattern("(?m)^default +\\S")
        .containsPattern("(?m)^greylisting +\\S");
    assertThat(cli.out().lines()).allMatch(line -> line.matches("[a-z0-9-]+ +\\S.*"));
  }

  @Test
  void schemaPrintsTheScenarioSchemaTheCoreJarShips() {
    InProcess cli = new InProcess();
    assertThat(cli.execute("schema")).isZero();
    assertThat(cli.out())
        .isEqualTo(new String(ServerApi.resource(ServerApi.SCHEMA), StandardCharsets.UTF_8));
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void runWithAnInvalidScenarioExitsOneWithTheProblems() throws IOException {
    Path bad = write("bad.yaml", "rules:\n  - when: rcpt\n    replay: 550 no\n");
    InProcess cli = new InProcess();
    assertThat(cli.execute("run", bad.toString(), "--smtp-port", "0", "--admin-port", "-1"))
        .isEqualTo(1);
    assertThat(cli.err()).contains(bad + ":3:5: error:");
    assertThat(cli.out()).doesNotContain("smtpmock ready");
  }

  @Test
  void runWithAnUnknownBuiltInExitsOneWithADidYouMean() {
    InProcess cli = new InProcess();
    assertThat(cli.execute("run", "greylistng", "--smtp-port", "0", "--admin-port", "-1"))
        .isEqualTo(1);
    assertThat(cli.err()).contains("did you mean 'greylisting'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"--smtp-port, --admin-port, SMTP", "--admin-port, --smtp-port, the admin API"})
  void runOnABusyPortSaysAddressAlreadyInUseAndExitsTwo(
      String busyOption, String other, String what) throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      InProcess cli = new InProcess();
      String port = Integer.toString(busy.getLocalPort());
      String otherPort = other.equals("--admin-port") ? "-1" : "0";
      assertThat(cli.execute("run", busyOption, port, other, otherPort, "--quiet")).isEqualTo(2);
      assertThat(cli.err())
          .isEqualTo(
              "smtpmock: error: cannot listen on 127.0.0.1:"
                  + port
                  + " for "
                  + what
                  + ": address already in use\n");
      assertThat(cli.out()).isEmpty();
    }
  }

  @Test
  void runWithoutAScenarioUsesTheBuiltInDefault() throws Exception {
    InProcess cli = new InProcess();
    CompletableFuture<Integer> exit = cli.start("run", "--smtp-port", "0", "--admin-port", "-1");
    cli.runner().close();
    assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(143);
    assertThat(cli.out())
        .matches(
            "smtpmock ready smtp=127\\.0\\.0\\.1:\\d+ admin=off scenario=default seed=-?\\d+\n");
  }

  @Test
  void runTakesTheScenarioFromTheEnvironment() throws Exception {
    InProcess cli = new InProcess(Map.of("SMTPMOCK_SCENARIO", "greylisting"));
    CompletableFuture<Integer> exit = cli.start("run", "--smtp-port", "0", "--admin-port", "0");
    Runner runner = cli.runner();
    int smtpPort = runner.smtp().port();
    int adminPort = runner.adminPort();
    runner.close();
    assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(143);
    assertThat(cli.out())
        .startsWith("smtpmock ready smtp=127.0.0.1:" + smtpPort + " ")
        .contains(" admin=http://127.0.0.1:" + adminPort + " scenario=greylisting ");
  }

  @Test
  void theSeedGivenIsTheSeedReported() throws Exception {
    InProcess cli = new InProcess();
    CompletableFuture<Integer> exit =
        cli.start("run", "--smtp-port", "0", "--admin-port", "-1", "--seed", "42", "--quiet");
    cli.runner().close();
    exit.get(10, TimeUnit.SECONDS);
    assertThat(cli.out()).endsWith(" seed=42\n");
  }

  @Test
  void aNonLoopbackBindIsWarnedAboutOutsideTheContainer() throws Exception {
    InProcess outside = new InProcess();
    CompletableFuture<Integer> exit =
        outside.start("run", "--bind", "0.0.0.0", "--smtp-port", "0", "--admin-port", "-1");
    outside.runner().close();
    exit.get(10, TimeUnit.SECONDS);
    assertThat(outside.err()).contains("warning: listening on 0.0.0.0");
    assertThat(outside.out()).startsWith("smtpmock ready smtp=0.0.0.0:");

    InProcess inside = new InProcess(Map.of("SMTPMOCK_IN_CONTAINER", "1"));
    exit = inside.start("run", "--bind", "0.0.0.0", "--smtp-port", "0", "--admin-port", "-1");
    inside.runner().close();
    exit.get(10, TimeUnit.SECONDS);
    assertThat(inside.err()).doesNotContain("warning");
  }

  @Test
  void loopbackIsNotWarnedAbout() throws Exception {
    InProcess cli = new InProcess();
    CompletableFuture<Integer> exit =
        cli.start("run", "--bind", "localhost", "--smtp-port", "0", "--admin-port", "-1");
    cli.runner().close();
    exit.get(10, TimeUnit.SECONDS);
    assertThat(cli.err()).isEmpty();
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
