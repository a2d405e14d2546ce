package dev.smtpmock.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smtpmock.testing.SmtpDialogue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions, scenario, reset, stats, CA, health, and the error responses of SPEC 6. */
class ServerApiTest {
  private static final String SCENARIO =
      """
      scenario: third-rcpt
      rules:
        - name: third
          when: rcpt
          nth: 3
          per: transaction
          reply: 452 4.5.3 Too many recipients
      """;

  private AdminClient admin;

  @BeforeEach
  void start() {
    admin = new AdminClient(SCENARIO);
  }

  @AfterEach
  void stop() {
    admin.close();
  }

  @Test
  void sessionsCarryTheirTranscriptAndTheRulesThatFired() {
    Mails.send(admin.smtpPort(), "a@a.test", List.of("b@b.test", "c@c.test", "d@d.test"), "s", "x");
    admin.runner().smtp().awaitMessages(1, Duration.ofSeconds(5));

    JsonNode sessions = AdminClient.json(admin.get("/api/sessions"));
    assertThat(sessions).hasSize(1);
    JsonNode s = sessions.get(0);
    assertThat(s.fieldNames())
        .toIterable()
        .containsExactly(
            "id", "connection", "client", "startedAt", "endedAt", "tls", "user", "end", "lines");
    assertThat(s.get("id").asText()).isEqualTo("S000001");
    assertThat(s.get("client").asText()).startsWith("127.0.0.1"); // core adds the port
    assertThat(s.get("tls").isNull()).isTrue();
    assertThat(s.get("user").isNull()).isTrue();
    JsonNode first = s.get("lines").get(0);
    assertThat(first.fieldNames()).toIterable().containsExactly("at", "dir", "text", "rule");
    assertThat(first.get("dir").asText()).isEqualTo("S");
    assertThat(first.get("text").asText()).startsWith("220 ");
    assertThat(first.get("rule").isNull()).isTrue();

    JsonNode fired = null;
    for (JsonNode line : s.get("lines")) {
      if (!line.get("rule").isNull()) {
        fired = line;
      }
    }
    assertThat(fired).isNotNull();
    assertThat(fired.get("text").asText()).isEqualTo("452 4.5.3 Too many recipients");
    assertThat(fired.get("rule").toString())
        .isEqualTo("{\"name\":\"third\",\"source\":\"api.yaml\",\"line\":3,\"column\":5}");
  }

  @Test
  void aClosedSessionHasAnEnd() throws Exception {
    Mails.send(admin.smtpPort(), "a@a.test", List.of("b@b.test"), "s", "x");
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !AdminClient.json(admin.get("/api/sessions")).get(0).get("end").isNull());
    JsonNode s = AdminClient.json(admin.get("/api/sessions")).get(0);
    assertThat(s.get("end").asText()).isEqualTo("quit");
    assertThat(s.get("endedAt").asText()).endsWith("Z");
  }

  @Test
  void sessionsArePagedByLimitAndOffsetWhileXTotalCountCountsThemAll() {
    for (int i = 1; i <= 3; i++) {
      Mails.send(admin.smtpPort(), "a@a.test", List.of("b@b.test"), "s" + i, "x");
    }
    admin.runner().smtp().awaitMessages(3, Duration.ofSeconds(5));

    HttpResponse<String> page = admin.get("/api/sessions?limit=1&offset=1");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("X-Total-Count")).hasValue("3");
    assertThat(AdminClient.json(page).findValuesAsText("id")).containsExactly("S000002");
    assertThat(AdminClient.json(admin.get("/api/sessions?offset=2")).findValuesAsText("id"))
        .containsExactly("S000003");
    assertThat(AdminClient.json(admin.get("/api/sessions?limit=0"))).isEmpty();
    HttpResponse<String> all = admin.get("/api/sessions");
    assertThat(all.headers().firstValue("X-Total-Count")).hasValue("3");
    assertThat(AdminClient.json(all)).hasSize(3);
    assertThat(admin.get("/api/sessions?limit=-1").statusCode()).isEqualTo(400);
  }

  @Test
  void theScenarioInForceIsServedAsYaml() {
    HttpResponse<String> response = admin.get("/api/scenario");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/yaml");
    assertThat(response.body()).contains("third-rcpt").contains("452 4.5.3 Too many recipients");
  }

  @Test
  void putSwapsTheScenarioAndReportsItsWarnings() {
    HttpResponse<String> response =
        admin.send(
            "PUT",
            "/api/scenario",
            "scenario: swapped\nrules:\n  - when: mail\n    reply: 354 odd but allowed\n",
            "Content-Type",
            "application/yaml");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = AdminClient.json(response);
    assertThat(body.get("scenario").asText()).isEqualTo("swapped");
    assertThat(body.get("warnings")).hasSize(1);
    assertThat(body.get("warnings").get(0).get("severity").asText()).isEqualTo("warning");
    assertThat(admin.get("/api/scenario").body()).contains("swapped");
    try (SmtpDialogue smtp = SmtpDialogue.connect(admin.smtpPort())) {
      smtp.reply();
      assertThat(smtp.command("MAIL FROM:<a@a.test>").text()).isEqualTo("354 odd but allowed");
    }
  }

  @Test
  void putOfABadScenarioIs400WithEveryProblemAndKeepsTheOld() {
    HttpResponse<String> response =
        admin.send(
            "PUT",
            "/api/scenario",
            "rules:\n  - when: rcpt\n    replay: 550 no\n  - when: nope\n    reply: 250 ok\n");
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = AdminClient.json(response);
    assertThat(body.fieldNames()).toIterable().containsExactly("error", "status", "problems");
    assertThat(body.get("error").asText()).isEqualTo("invalid scenario");
    assertThat(body.get("status").asInt()).isEqualTo(400);
    assertThat(body.get("problems")).hasSizeGreaterThanOrEqualTo(2);
    JsonNode problem = body.get("problems").get(0);
    assertThat(problem.fieldNames())
        .toIterable()
        .containsExactly("source", "line", "column", "severity", "message");
    assertThat(problem.get("line").asInt()).isEqualTo(3);
    assertThat(problem.get("column").asInt()).isEqualTo(5);
    assertThat(problem.get("severity").asText()).isEqualTo("error");
    assertThat(problem.get("message").asText()).contains("reply");
    assertThat(admin.get("/api/scenario").body()).contains("third-rcpt");
  }

  @Test
  void putThatWouldChangeImplicitTlsIs400() {
    HttpResponse<String> response =
        admin.send("PUT", "/api/scenario", "server:\n  tls:\n    implicit: true\n");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(AdminClient.json(response).get("problems").get(0).get("message").asText())
        .contains("implicit");
  }

  @Test
  void putOfMoreThanOneMegabyteIs413() {
    String big = "# " + "x".repeat(1024 * 1024) + "\nrules: []\n";
    HttpResponse<String> response = admin.send("PUT", "/api/scenario", big);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(AdminClient.json(response).toString())
        .isEqualTo("{\"error\":\"request body larger than 1 MB\",\"status\":413}");
  }

  @Test
  void aBodyOfMoreThanOneMegabyteIs413WhereNoBodyIsReadToo() {
    Mails.send(admin.smtpPort(), "a@a.test", List.of("b@b.test"), "s", "x");
    admin.runner().smtp().awaitMessages(1, Duration.ofSeconds(5));

    HttpResponse<String> reset = admin.send("POST", "/api/reset", "x".repeat(1024 * 1024 + 1));

    assertThat(reset.statusCode()).isEqualTo(413);
    assertThat(admin.runner().smtp().messages()).hasSize(1);
  }

  @Test
  void resetForgetsMessagesSessionsAndCounters() {
    Mails.send(admin.smtpPort(), "a@a.test", List.of("b@b.test"), "s", "x");
    admin.runner().smtp().awaitMessages(1, Duration.ofSeconds(5));

    HttpResponse<String> reset = admin.send("POST", "/api/reset", null);
    assertThat(reset.statusCode()).isEqualTo(204);
    assertThat(reset.body()).isEmpty();
    assertThat(AdminClient.json(admin.get("/api/messages"))).isEmpty();
    assertThat(AdminClient.json(admin.get("/api/sessions"))).isEmpty();
    assertThat(AdminClient.json(admin.get("/api/stats")).get("accepted").asLong()).isZero();
  }

  @Test
  void aSessionOpenDuringTheResetStaysListedWithItsLaterLines() {
    try (SmtpDialogue open = SmtpDialogue.connect(admin.smtpPort())) {
      open.reply();
      open.command("EHLO before.test");

      assertThat(admin.send("POST", "/api/reset", null).statusCode()).isEqualTo(204);
      open.command("NOOP");

      JsonNode sessions = AdminClient.json(admin.get("/api/sessions"));
      assertThat(sessions).hasSize(1);
      assertThat(sessions.get(0).get("id").asText()).isEqualTo("S000001");
      assertThat(sessions.get(0).get("lines"))
          .extracting(line -> line.get("text").asText())
          .containsExactly("NOOP", "250 2.0.0 Ok");
    }
  }

  @Test
  void statsCountMessagesConnectionsAndRuleFirings() {
    Mails.send(admin.smtpPort(), "a@a.test", List.of("b@b.test", "c@c.test", "d@d.test"), "s", "x");
    admin.runner().smtp().awaitMessages(1, Duration.ofSeconds(5));
    JsonNode stats = AdminClient.json(admin.get("/api/stats"));
    assertThat(stats.fieldNames())
        .toIterable()
        .containsExactly(
            "accepted",
            "rejected",
            "incomplete",
            "evictedMessages",
            "evictedSessions",
            "connections",
            "rules");
    assertThat(stats.get("accepted").asLong()).isEqualTo(1);
    assertThat(stats.get("connections").asLong()).isEqualTo(1);
    assertThat(stats.get("rules").toString()).isEqualTo("[{\"name\":\"third\",\"fired\":1}]");
  }

  @Test
  void theTestCaIsServedAsPem() {
    HttpResponse<String> response = admin.get("/api/tls/ca.pem");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(response.body()).isEqualTo(admin.runner().smtp().caCertificatePem());
  }

  @Test
  void healthIsUp() {
    HttpResponse<String> response = admin.get("/health");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(HealthCheck.check(admin.base() + "/health")).isTrue();
    assertThat(admin.runner().smtp().stats().connections()).isZero(); // no SMTP probe
  }

  @Test
  void headAnswersLikeGetWithoutABody() {
    HttpResponse<String> head = admin.send("HEAD", "/health", null);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("Content-Length")).hasValue("15");
  }

  @Test
  void anUnknownPathIs404AsJson() {
    HttpResponse<String> response = admin.get("/api/nothing");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"error\":\"not found\",\"status\":404}");
    assertThat(admin.get("/nothing.js").statusCode()).isEqualTo(404);
  }

  @Test
  void aWrongMethodIs405WithAllow() {
    HttpResponse<String> delete = admin.send("DELETE", "/api/messages", null);
    assertThat(delete.statusCode()).isEqualTo(405);
    assertThat(delete.headers().firstValue("Allow")).hasValue("GET, HEAD");
    assertThat(AdminClient.json(delete).get("status").asInt()).isEqualTo(405);

    HttpResponse<String> post = admin.send("POST", "/api/scenario", "rules: []");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD, PUT");

    assertThat(admin.get("/api/reset").headers().firstValue("Allow")).hasValue("POST");
  }
}
