package dev.smtpmock.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC 6: a query parameter a path does not take is a 400, on every path, not ignored. */
class UnknownQueryParameterTest {
  private AdminClient admin;

  @BeforeEach
  void start() {
    admin = new AdminClient("rules: []\n");
  }

  @AfterEach
  void stop() {
    admin.close();
  }

  @Test
  void aMisspeltParameterIs400NamingTheParametersThePathTakes() {
    HttpResponse<String> response = admin.get("/api/messages?limt=1");
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = AdminClient.json(response);
    assertThat(body.get("status").asInt()).isEqualTo(400);
    assertThat(body.get("error").asText())
        .isEqualTo(
            "unknown query parameter 'limt'; /api/messages takes status, from, to, subject,"
                + " limit, offset, wait, count");
  }

  @Test
  void pathsThatTakeNoParametersRefuseEveryOne() {
    for (String path :
        List.of(
            "/health?verbose",
            "/api/stats?x=1",
            "/api/scenario?format=json",
            "/api/tls/ca.pem?x=1",
            "/api/schema?x=1",
            "/api/openapi.json?x=1",
            "/api/messages/000000000000?x=1",
            "/api/messages/000000000000/raw?x=1",
            "/?x=1",
            "/app.js?v=2")) {
      HttpResponse<String> response = admin.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(400);
      assertThat(AdminClient.json(response).get("error").asText())
          .as(path)
          .startsWith("unknown query parameter")
          .endsWith(" takes none");
    }
  }

  @Test
  void aRefusedRequestDoesNothing() {
    Mails.send(admin.smtpPort(), "a@a.test", List.of("b@b.test"), "kept", "x");
    admin.runner().smtp().awaitMessages(1, Duration.ofSeconds(5));

    assertThat(admin.send("POST", "/api/reset?sessions=only", null).statusCode()).isEqualTo(400);
    assertThat(admin.send("PUT", "/api/scenario?dry-run=1", "scenario: new\n").statusCode())
        .isEqualTo(400);

    assertThat(admin.runner().smtp().messages()).hasSize(1);
    assertThat(admin.runner().smtp().scenario().name()).isEqualTo("api");
  }

  @Test
  void anUnknownPathOrMethodIsStillAnsweredAsSuch() {
    assertThat(admin.get("/api/nothing?x=1").statusCode()).isEqualTo(404);
    assertThat(admin.send("DELETE", "/api/messages?x=1", null).statusCode()).isEqualTo(405);
  }
}
