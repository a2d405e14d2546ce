package dev.smtpmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.HealthState;
import dev.smtpmock.testcontainers.SmtpMockClient.Session;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Nothing probes SMTP: neither the wait strategy nor the image's HEALTHCHECK. The client's first
 * connection is connection 1.
 */
@RequiresSmtpMockImage
@Testcontainers
class FirstConnectionIT {

  @Container
  static SmtpMockContainer smtp =
      new SmtpMockContainer(SmtpMockImage.IMAGE)
          .withScenario(
              """
              rules:
                - name: first-connection-refused
                  when: connect
                  connection: 1
                  reply: 421 4.3.2 Not yet
              """);

  @Test
  void theClientsFirstConnectionIsConnectionOne() throws Exception {
    awaitHealthChecks(2);

    assertThatThrownBy(
            () -> Mail.to(smtp).send("app@example.test", "someone@example.test", "first", "1"))
        .hasMessageContaining("421 4.3.2 Not yet");
    Mail.to(smtp).send("app@example.test", "someone@example.test", "second", "2");

    List<Session> sessions = smtp.client().sessions();
    assertThat(sessions).extracting(Session::connection).containsExactly(1, 2);
    assertThat(sessions.get(0).replies()).containsExactly("421 4.3.2 Not yet");
    assertThat(smtp.client().messages())
        .singleElement()
        .extracting(m -> m.connection())
        .isEqualTo(2);
    assertThat(smtp.client().stats().connections()).isEqualTo(2);
    assertThat(smtp.client().stats().fired("first-connection-refused")).isEqualTo(1);
  }

  /** Lets the image's HEALTHCHECK run (every 2 s) before the client connects. */
  private static void awaitHealthChecks(int runs) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      HealthState health = smtp.getCurrentContainerInfo().getState().getHealth();
      if (health != null && health.getLog() != null && health.getLog().size() >= runs) {
        assertThat(health.getStatus()).isEqualTo("healthy");
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the HEALTHCHECK did not run " + runs + " times in 20 s");
  }
}
