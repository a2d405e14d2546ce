package dev.smtpmock.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.scenario.Scenario;
import jakarta.mail.MessagingException;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code connection-reset}: connection 1 is reset at MAIL FROM; later ones are served. */
class ConnectionResetScenarioTest {

  @Test
  void theFirstConnectionIsResetAtMailAndTheClientsRetryOnANewConnectionGetsThrough() {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("connection-reset"))) {
      Mailer mailer = Mailer.of(smtp);

      List<MessagingException> attempts =
          mailer.sendWithRetries(
              mailer.message("Ticket", "user@example.test"), 3, Duration.ofMillis(100));

      assertThat(attempts).hasSize(2).last().isNull();
      assertThat(attempts.get(0))
          .hasRootCauseInstanceOf(SocketException.class)
          .rootCause()
          .hasMessageContaining("reset");
      await().until(() -> !smtp.sessions().get(0).isOpen());
      SmtpSession reset = smtp.sessions().get(0);
      assertThat(reset.commands()).last().asString().startsWith("MAIL FROM:");
      assertThat(Transcripts.serverLines(reset)).last().isEqualTo("(fault: reset)");
      assertThat(reset.end()).isEqualTo(SmtpSession.End.FAULT);
      assertThat(smtp.messages())
          .singleElement()
          .satisfies(m -> assertThat(m.connection()).isEqualTo(2));
    }
  }
}
