package dev.smtpmock.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.scenario.Scenario;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code drop-mid-data}: the first message is cut off after 128 bytes without a reply. */
class DropMidDataScenarioTest {

  @Test
  void theFirstMessageIsCutOffAndTheClientsRetryDeliversItWhole() throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("drop-mid-data"))) {
      Mailer mailer = Mailer.of(smtp);
      MimeMessage message = mailer.message("Payslip", "user@example.test");
      message.setText("Your payslip for this month.\r\n".repeat(100));
      message.saveChanges();

      List<MessagingException> attempts =
          mailer.sendWithRetries(message, 3, Duration.ofMillis(100));

      assertThat(attempts).hasSize(2).last().isNull();
      assertThat(Mailer.replyCode(attempts.get(0))).as("no reply explains it").isEqualTo(-1);
      await().until(() -> !smtp.sessions().get(0).isOpen());
      SmtpSession cut = smtp.sessions().get(0);
      assertThat(cut.end()).isEqualTo(SmtpSession.End.FAULT);
      assertThat(cut.lines())
          .anySatisfy(
              line -> {
                assertThat(line.text()).isEqualTo("(fault: disconnect)");
                assertThat(line.rule().name()).isEqualTo("drop");
              });
      assertThat(Transcripts.repliesToData(cut)).isEmpty();
      assertThat(smtp.allMessages())
          .extracting(ReceivedMessage::status)
          .containsExactly(ReceivedMessage.Status.INCOMPLETE, ReceivedMessage.Status.ACCEPTED);
      assertThat(smtp.allMessages().get(0).size()).isEqualTo(128);
      assertThat(smtp.messages())
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.subject()).isEqualTo("Payslip");
                assertThat(m.body()).contains("Your payslip for this month.\r\n".repeat(100));
              });
    }
  }
}
