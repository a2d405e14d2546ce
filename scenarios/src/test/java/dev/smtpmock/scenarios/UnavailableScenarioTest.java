package dev.smtpmock.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.scenario.Scenario;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code unavailable}: 421 4.3.2 instead of the greeting, on every connection. */
class UnavailableScenarioTest {

  @Test
  void everyAttemptIsAnswered421InsteadOfTheGreetingAndClosedWithNothingSent() {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("unavailable"))) {
      Mailer mailer = Mailer.of(smtp);

      List<MessagingException> attempts =
          mailer.sendWithRetries(
              mailer.message("Status", "user@example.test"), 3, Duration.ofMillis(100));

      assertThat(attempts)
          .hasSize(3)
          .allSatisfy(
              failure -> {
                assertThat(Mailer.replyCode(failure)).isEqualTo(421);
                assertThat(failure).hasMessageContaining("421 4.3.2 Service currently unavailable");
              });
      await().until(() -> smtp.sessions().stream().noneMatch(SmtpSession::isOpen));
      assertThat(smtp.sessions())
          .hasSize(3)
          .allSatisfy(
              session -> {
                assertThat(Transcripts.serverLines(session))
                    .containsExactly("421 4.3.2 Service currently unavailable");
                assertThat(session.lines().get(0).rule().name()).isEqualTo("service-unavailable");
                assertThat(session.commands()).isEmpty();
              });
      assertThat(smtp.allMessages()).isEmpty();
    }
  }
}
