package dev.smtpmock.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.scenario.Scenario;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/** {@code message-too-large}: a 1 MB limit, 552 5.3.4 at MAIL or at the end of the data. */
class MessageTooLargeScenarioTest {
  private static final int LIMIT = 1024 * 1024;

  private static MimeMessage ofSize(Mailer mailer, int bytes) throws Exception {
    MimeMessage message = mailer.message("Scan", "user@example.test");
    message.setText(
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\r\n".repeat(bytes / 65));
    message.saveChanges();
    return message;
  }

  private static int sizeOf(MimeMessage message) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    message.writeTo(out);
    return out.size();
  }

  @Test
  void theLimitIsAdvertisedAndAMessageUnderItIsAccepted() throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("message-too-large"))) {
      Mailer mailer = Mailer.of(smtp);
      mailer.send(ofSize(mailer, LIMIT / 2));

      assertThat(Transcripts.replyTo(smtp.sessions().get(0), "EHLO")).contains("250-SIZE 1048576");
      assertThat(smtp.messages())
          .singleElement()
          .satisfies(m -> assertThat(m.size()).isGreaterThan(LIMIT / 2));
    }
  }

  @Test
  void aClientThatDeclaresTheSizeIsRefusedAtMailBeforeItSendsTheData() throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("message-too-large"))) {
      Mailer mailer = Mailer.of(smtp);
      MimeMessage big = ofSize(mailer, 2 * LIMIT);
      mailer.set("mailextension", "SIZE=" + sizeOf(big));

      assertThatThrownBy(() -> mailer.send(big))
          .isInstanceOfSatisfying(
              SMTPSendFailedException.class,
              e -> {
                assertThat(e.getReturnCode()).isEqualTo(552);
                assertThat(e.getCommand()).startsWith("MAIL FROM");
                assertThat(Mailer.firstLine(e.getMessage()))
                    .isEqualTo("552 5.3.4 Message size exceeds fixed limit");
              });
      SmtpSession session = smtp.sessions().get(0);
      assertThat(session.commands()).noneMatch(c -> c.startsWith("DATA"));
      assertThat(smtp.allMessages()).isEmpty();
    }
  }

  @Test
  void aClientThatDeclaresNothingSendsTheDataAndIsRefusedAtTheEndOfIt() throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("message-too-large"))) {
      Mailer mailer = Mailer.of(smtp);

      assertThatThrownBy(() -> mailer.send(ofSize(mailer, 2 * LIMIT)))
          .isInstanceOfSatisfying(
              SMTPSendFailedException.class,
              e -> {
                assertThat(e.getReturnCode()).isEqualTo(552);
                assertThat(e.getCommand()).isEqualTo(".");
                assertThat(Mailer.firstLine(e.getMessage()))
                    .isEqualTo("552 5.3.4 Error: message file too big");
              });
      assertThat(smtp.messages()).isEmpty();
      assertThat(smtp.allMessages())
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.status()).isEqualTo(ReceivedMessage.Status.REJECTED);
                assertThat(m.size()).isGreaterThan(LIMIT);
              });
    }
  }
}
