package dev.smtpmock.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost under load, with a client no one here wrote: Postfix's smtp-source sends 20,000
 * messages (200,000 under {@code -Psoak}) over 100 sessions to the runner jar, whose store keeps
 * 10,000. Every message is counted as accepted, and exactly the overflow is counted as evicted.
 */
@EnabledIfSystemProperty(named = "smtpmock.jar", matches = ".+")
class SmtpSourceNothingLostIT {
  private static final String SMTP_SOURCE = "/usr/sbin/smtp-source";
  private static final int STORED = 10_000;

  @Test
  void everyMessageSmtpSourceSendsIsAcceptedAndTheStoreEvictsExactlyTheOverflow(@TempDir Path dir)
      throws Exception {
    sendAndAccount(dir, 20_000, 180);
  }

  @Test
  @Tag("soak")
  void twoHundredThousandMessagesAreAccountedForUnderSoak(@TempDir Path dir) throws Exception {
    sendAndAccount(dir, 200_000, 900);
  }

  private static void sendAndAccount(Path dir, int messages, int seconds) throws Exception {
    Tools.require(SMTP_SOURCE);
    Path scenario = dir.resolve("bounded.yaml");
    Files.writeString(
        scenario, "scenario: bounded\nserver: {store: {max-messages: " + STORED + "}}\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try (RunnerProcess runner =
        RunnerProcess.start(
            List.of(java, "-jar", System.getProperty("smtpmock.jar")),
            Map.of(),
            "run",
            scenario.toString(),
            "--smtp-port",
            "0",
            "--admin-port",
            "0",
            "--quiet")) {
      Matcher ready = runner.awaitReady();
      String smtp = "127.0.0.1:" + ready.group(2);
      String admin = ready.group(3);

      Process source =
          new ProcessBuilder(
                  SMTP_SOURCE,
                  "-d",
                  "-s",
                  "100",
                  "-m",
                  String.valueOf(messages),
                  "-l",
                  "1024",
                  "-f",
                  "load@source.test",
                  "-t",
                  "sink@smtpmock.test",
                  smtp)
              .redirectErrorStream(true)
              .start();
      assertThat(source.waitFor(seconds, TimeUnit.SECONDS)).as("smtp-source finished").isTrue();
      String output = new String(source.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(source.exitValue()).as("smtp-source exit; output: %s", output).isZero();

      HttpClient http = HttpClient.newHttpClient();
      JsonNode stats =
          new ObjectMapper()
              .readTree(
                  http.send(
                          HttpRequest.newBuilder(URI.create(admin + "/api/stats")).build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body());
      assertThat(stats.get("accepted").asLong()).isEqualTo(messages);
      assertThat(stats.get("rejected").asLong()).isZero();
      assertThat(stats.get("incomplete").asLong()).isZero();
      assertThat(stats.get("evictedMessages").asLong()).isEqualTo(messages - STORED);
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(URI.create(admin + "/api/messages?limit=1")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.headers().firstValue("X-Total-Count")).hasValue(String.valueOf(STORED));
    }
  }
}
