package dev.smtpmock.scenarios;

import static dev.smtpmock.scenarios.Transcripts.replyTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.scenario.Scenario;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/** {@code reject-after-data}: everything is accepted up to the final ".", then 554 5.6.0. */
class RejectAfterDataScenarioTest {
  private static final String MALFORMED = "554 5.6.0 Email message is malformed. Not accepted.";

  @Test
  void theEnvelopeIsAcceptedThenTheMessageIsRefusedWith554AndNotRetried() {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("reject-after-data"))) {
      Mailer mailer = Mailer.of(smtp);

      List<MessagingException> attempts =
          mailer.sendWithRetries(
              mailer.message("Quarterly report", "a@example.test", "b@example.test"),
              3,
              Duration.ofMillis(50));

      assertThat(attempts)
          .singleElement()
          .isInstanceOfSatisfying(
              SMTPSendFailedException.class,
              e -> {
                assertThat(e.getReturnCode()).isEqualTo(554);
                assertThat(e.getCommand()).isEqualTo(".");
                assertThat(Mailer.firstLine(e.getMessage())).isEqualTo(MALFORMED);
                assertThat(e.getValidSentAddresses()).isNullOrEmpty();
              });
      SmtpSession session = smtp.sessions().get(0);
      assertThat(replyTo(session, "MAIL FROM")).isEqualTo("250 2.1.0 Ok");
      assertThat(Transcripts.repliesTo(session, "RCPT TO")).containsOnly("250 2.1.5 Ok");
      assertThat(replyTo(session, "DATA")).isEqualTo("354 End data with <CR><LF>.<CR><LF>");
      assertThat(Transcripts.repliesToData(session)).containsExactly(MALFORMED);
      assertThat(smtp.messages()).isEmpty();
      assertThat(smtp.allMessages())
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.status()).isEqualTo(ReceivedMessage.Status.REJECTED);
                assertThat(m.reply()).isEqualTo(MALFORMED);
                assertThat(m.subject()).isEqualTo("Quarterly report");
                assertThat(m.recipientAddresses())
                    .containsExactly("a@example.test", "b@example.test");
              });
    }
  }
}
