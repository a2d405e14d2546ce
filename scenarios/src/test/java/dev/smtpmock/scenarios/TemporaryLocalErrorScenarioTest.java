package dev.smtpmock.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.scenario.Scenario;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/** {@code temporary-local-error}: the first two messages get 451 4.3.0 after the data. */
class TemporaryLocalErrorScenarioTest {
  private static final String WRITE_ERROR = "451 4.3.0 Error: queue file write error";

  @Test
  void twoAttemptsAreDeferredAfterTheDataAndTheThirdIsAccepted() {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("temporary-local-error"))) {
      Mailer mailer = Mailer.of(smtp);

      List<MessagingException> attempts =
          mailer.sendWithRetries(
              mailer.message("Order confirmation", "user@example.test"), 5, Duration.ofMillis(100));

      assertThat(attempts).hasSize(3).last().isNull();
      assertThat(attempts.subList(0, 2))
          .allSatisfy(
              e ->
                  assertThat(e)
                      .isInstanceOfSatisfying(
                          SMTPSendFailedException.class,
                          failed -> {
                            assertThat(failed.getReturnCode()).isEqualTo(451);
                            assertThat(failed.getCommand()).isEqualTo(".");
                            assertThat(Mailer.firstLine(failed.getMessage()))
                                .isEqualTo(WRITE_ERROR);
                          }));
      assertThat(smtp.sessions())
          .extracting(s -> Transcripts.repliesToData(s).get(0))
          .satisfiesExactly(
              first -> assertThat(first).isEqualTo(WRITE_ERROR),
              second -> assertThat(second).isEqualTo(WRITE_ERROR),
              third -> assertThat(third).startsWith("250 2.0.0 Ok: queued as "));
      assertThat(smtp.allMessages())
          .extracting(ReceivedMessage::status)
          .containsExactly(
              ReceivedMessage.Status.REJECTED,
              ReceivedMessage.Status.REJECTED,
              ReceivedMessage.Status.ACCEPTED);
      assertThat(smtp.messages())
          .singleElement()
          .satisfies(m -> assertThat(m.subject()).isEqualTo("Order confirmation"));
    }
  }
}
