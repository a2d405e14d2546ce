package dev.smtpmock.testcontainers;

import static dev.smtpmock.testcontainers.DockerCli.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.testcontainers.SmtpMockClient.Message;
import dev.smtpmock.testcontainers.SmtpMockClient.Session;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's plain {@code docker run} line, as written but for the host ports: the image starts
 * as user 10001:0, becomes healthy through its HEALTHCHECK, and takes mail.
 */
@RequiresSmtpMockImage
class DockerRunIT {

  @Test
  void theReadmesDockerRunLineGivesAHealthyServerThatTakesMail() throws Exception {
    int smtpPort = freePort();
    int adminPort = freePort();
    // README: docker run --rm -d -p 2525:2525 -p 8025:8025 smtpmock/smtpmock:VERSION
    String id =
        docker(
            "run",
            "--rm",
            "-d",
            "-p",
            smtpPort + ":2525",
            "-p",
            adminPort + ":8025",
            SmtpMockImage.NAME);
    try {
      assertThat(docker("inspect", "--format", "{{.Config.User}}", id)).isEqualTo("10001:0");
      assertThat(docker("inspect", "--format", "{{json .Config.Env}}", id))
          .contains("SMTPMOCK_IN_CONTAINER=1");
      assertThat(docker("inspect", "--format", "{{json .Config.Healthcheck.Test}}", id))
          .contains("dev.smtpmock.runner.HealthCheck")
          .doesNotContain("2525")
          .doesNotContain("curl");

      awaitHealthy(id, Duration.ofSeconds(30));
      assertThat(docker("exec", id, "sh", "-c", "id -u; id -g; test -d /scenarios && echo ok"))
          .isEqualTo("10001\n0\nok");

      Mail.to("localhost", smtpPort)
          .send("app@example.test", "alice@example.test", "from docker run", "Hello!");

      SmtpMockClient client = SmtpMockClient.create("http://localhost:" + adminPort);
      List<Message> messages = client.awaitMessages(1, Duration.ofSeconds(10));
      assertThat(messages).extracting(Message::subject).containsExactly("from docker run");
      // the health checks that ran before ask the admin port only: ours is connection 1
      assertThat(client.sessions()).extracting(Session::connection).containsExactly(1);

      String logs = docker("logs", id);
      assertThat(logs)
          .contains(
              "smtpmock ready smtp=0.0.0.0:2525 admin=http://0.0.0.0:8025 scenario=default seed=")
          .doesNotContainIgnoringCase("warning");
    } finally {
      docker("rm", "--force", id);
    }
  }

  private static void awaitHealthy(String id, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String status = "";
    while (System.nanoTime() < deadline) {
      status = docker("inspect", "--format", "{{.State.Health.Status}}", id);
      if (status.equals("healthy")) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "not healthy within " + timeout + " but " + status + "; logs:\n" + docker("logs", id));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
