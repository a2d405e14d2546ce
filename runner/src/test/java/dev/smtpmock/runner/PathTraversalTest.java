package dev.smtpmock.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The admin port serves the API and the page's own files, nothing else from the disk or jar. */
class PathTraversalTest {
  private AdminClient admin;

  @BeforeEach
  void start() {
    admin = new AdminClient("scenario: traversal");
  }

  @AfterEach
  void stop() {
    admin.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/..%2f..%2f..%2fetc%2fpasswd",
        "/index.html/../../Main.class",
        "/dev/smtpmock/runner/Main.class",
        "/web/index.html",
        "/META-INF/MANIFEST.MF",
        "/smtpmock/scenarios/default.yaml",
        "/api/../../etc/passwd"
      })
  void aPathOutsideTheApiAndThePageIsNotServed(String path) throws Exception {
    URI base = URI.create(admin.base());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(response).startsWith("HTTP/1.1 4");
      assertThat(response)
          .doesNotContain("root:")
          .doesNotContain("Main-Class")
          .doesNotContain("rules");
    }
  }
}
