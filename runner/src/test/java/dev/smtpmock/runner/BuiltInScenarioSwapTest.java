package dev.smtpmock.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code PUT /api/scenario?builtin=NAME}: a built-in swapped in by name, with an empty body. */
class BuiltInScenarioSwapTest {
  private AdminClient admin;

  @BeforeEach
  void start() {
    admin = new AdminClient("scenario: before\nrules: []\n");
  }

  @AfterEach
  void stop() {
    admin.close();
  }

  @Test
  void aBuiltInNameSwapsThatScenarioIn() {
    HttpResponse<String> response = admin.send("PUT", "/api/scenario?builtin=greylisting", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"scenario\":\"greylisting\",\"warnings\":[]}");
    assertThat(admin.runner().smtp().scenario().name()).isEqualTo("greylisting");
    assertThat(admin.get("/api/scenario").body()).contains("scenario: greylisting");
  }

  @Test
  void anUnknownNameIs404WithADidYouMeanAndKeepsTheScenario() {
    HttpResponse<String> response = admin.send("PUT", "/api/scenario?builtin=greylistng", null);
    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode body = AdminClient.json(response);
    assertThat(body.get("status").asInt()).isEqualTo(404);
    assertThat(body.get("error").asText())
        .startsWith("unknown scenario 'greylistng' — did you mean 'greylisting'?")
        .contains("Built-in scenarios: ");
    assertThat(admin.runner().smtp().scenario().name()).isEqualTo("before");
  }

  @Test
  void aFileOrClassPathReferenceIsNoBuiltInName() {
    for (String reference : new String[] {"/etc/hosts", "x.yaml", "classpath:smtpmock/x.yaml"}) {
      HttpResponse<String> response = admin.send("PUT", "/api/scenario?builtin=" + reference, null);
      assertThat(response.statusCode()).as(reference).isEqualTo(400);
      assertThat(AdminClient.json(response).get("error").asText())
          .as(reference)
          .contains("a built-in scenario's name");
    }
    assertThat(admin.runner().smtp().scenario().name()).isEqualTo("before");
  }

  @Test
  void aBodyBesideABuiltInNameIs400() {
    HttpResponse<String> response =
        admin.send("PUT", "/api/scenario?builtin=greylisting", "scenario: other\n");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(AdminClient.json(response).get("error").asText()).contains("empty body");
    assertThat(admin.runner().smtp().scenario().name()).isEqualTo("before");
  }
}
