package dev.smtpmock.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** --admin-token / SMTPMOCK_ADMIN_TOKEN guard every /api/ path, and only those. */
class AdminTokenTest {
  private static final String UNAUTHORIZED = "{\"error\":\"unauthorized\",\"status\":401}";

  @Test
  void apiPathsNeedTheBearerToken() {
    try (AdminClient admin = new AdminClient("rules: []\n", "s3cret")) {
      for (String path : new String[] {"/api/messages", "/api/sessions", "/api/stats", "/api/x"}) {
        HttpResponse<String> none = admin.get(path);
        assertThat(none.statusCode()).as(path).isEqualTo(401);
        assertThat(none.body()).isEqualTo(UNAUTHORIZED);
      }
      assertThat(admin.get("/api/messages", "Authorization", "Bearer wrong").statusCode())
          .isEqualTo(401);
      assertThat(admin.get("/api/messages", "Authorization", "s3cret").statusCode()).isEqualTo(401);
      assertThat(admin.send("POST", "/api/reset", null).statusCode()).isEqualTo(401);
      assertThat(admin.get("/api/messages", "Authorization", "Bearer s3cret").statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void healthAndThePageNeedNoToken() {
    try (AdminClient admin = new AdminClient("rules: []\n", "s3cret")) {
      assertThat(admin.get("/health").statusCode()).isEqualTo(200);
      assertThat(admin.get("/").statusCode()).isEqualTo(200);
      assertThat(admin.get("/app.js").statusCode()).isEqualTo(200);
      assertThat(admin.get("/app.css").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theTokenCanComeFromTheEnvironment() throws Exception {
    InProcess cli = new InProcess(Map.of("SMTPMOCK_ADMIN_TOKEN", "from-env"));
    CompletableFuture<Integer> exit =
        cli.start("run", "--smtp-port", "0", "--admin-port", "0", "--quiet");
    Runner runner = cli.runner();
    try {
      var http = java.net.http.HttpClient.newHttpClient();
      var request =
          java.net.http.HttpRequest.newBuilder(
              java.net.URI.create(runner.adminUrl() + "/api/stats"));
      assertThat(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(401);
      assertThat(
              http.send(
                      request.header("Authorization", "Bearer from-env").build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(200);
    } finally {
      runner.close();
    }
    assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(143);
  }
}
