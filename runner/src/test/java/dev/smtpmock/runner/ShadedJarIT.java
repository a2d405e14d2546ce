package dev.smtpmock.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The shipped artefact, {@code target/smtpmock.jar}, after {@code package}: executable, complete
 * (its SLF4J binding included), and usable by the container's HEALTHCHECK. Failsafe runs it and
 * names the jar; a {@code -Dtest=…} pattern that makes Surefire pick it up in the {@code test}
 * phase, before the jar exists, leaves it disabled there.
 */
@EnabledIfSystemProperty(named = "smtpmock.jar", matches = ".+")
class ShadedJarIT {
  private static final Path JAR = Path.of(System.getProperty("smtpmock.jar", ""));
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @Test
  void theManifestNamesTheMainClassAndTheModule() throws IOException {
    assertThat(JAR).exists();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      Manifest manifest = jar.getManifest();
      assertThat(manifest.getMainAttributes().getValue("Main-Class"))
          .isEqualTo("dev.smtpmock.runner.Main");
      assertThat(manifest.getMainAttributes().getValue("Automatic-Module-Name"))
          .isEqualTo("dev.smtpmock.runner");
      assertThat(jar.getEntry("org/slf4j/simple/SimpleServiceProvider.class")).isNotNull();
      assertThat(jar.getEntry("smtpmock/scenarios/default.yaml")).isNotNull();
      assertThat(jar.getEntry("dev/smtpmock/runner/web/index.html")).isNotNull();
    }
  }

  @Test
  void versionAndScenariosRunFromTheJar() throws Exception {
    assertThat(run("--version")).startsWith("smtpmock 0.1.0-SNAPSHOT");
    assertThat(run("scenarios")).containsPattern("(?m)^default +\\S");
  }

  @Test
  void runServesSmtpAndTheApiAndStopsWith143() throws Exception {
    try (RunnerProcess runner =
        RunnerProcess.start(
            List.of(JAVA, "-jar", JAR.toString()),
            Map.of(),
            "run",
            "--smtp-port",
            "0",
            "--admin-port",
            "0")) {
      Matcher ready = runner.awaitReady();
      int smtp = Integer.parseInt(ready.group(2));
      String admin = ready.group(4);
      assertThat(healthCheck(admin)).isZero();

      assertThat(Mails.send(smtp, "a@a.test", List.of("b@b.test"), "jar", "x"))
          .startsWith("250 2.0.0 Ok: queued as ");
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(5))
          .until(() -> runner.out().stream().anyMatch(l -> l.contains("S: 221 2.0.0 Bye")));
      // Jakarta Mail decodes in the jar too (its service files merged, the provider shaded in)
      java.net.http.HttpResponse<String> messages =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create("http://127.0.0.1:" + admin + "/api/messages"))
                      .timeout(java.time.Duration.ofSeconds(10))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(messages.body()).contains("\"subjectDecoded\":\"jar\"");

      runner.signal("TERM");
      assertThat(runner.awaitExit()).isEqualTo(143);
      assertThat(healthCheck(admin)).isEqualTo(1);
      // no "SLF4J: No SLF4J providers were found": the binding is in the jar
      assertThat(runner.err()).doesNotContain("SLF4J");
    }
  }

  private static int healthCheck(String port) throws IOException, InterruptedException {
    Process check =
        new ProcessBuilder(JAVA, "-cp", JAR.toString(), "dev.smtpmock.runner.HealthCheck", port)
            .redirectErrorStream(true)
            .start();
    assertThat(check.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return check.exitValue();
  }

  private static String run(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
