package dev.smtpmock.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.scenario.Scenario;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/**
 * {@code content-rejected}: 550 5.7.1 for "X-Spam-Flag: YES", 552 5.7.0 for an executable
 * attachment; clean messages are accepted.
 */
class ContentRejectedScenarioTest {
  private static final String SPAM = "550 5.7.1 Error: message content rejected";
  private static final String EXECUTABLE =
      "552 5.7.0 This message was blocked because its content presents a potential security"
          + " issue. To review our message content and attachment content guidelines, go to File"
          + " types blocked in Gmail.";

  private static MimeMessage withAttachment(Mailer mailer, String fileName) throws Exception {
    MimeMessage message = mailer.message("Your invoice", "user@example.test");
    MimeBodyPart text = new MimeBodyPart();
    text.setText("Please find the invoice attached.");
    MimeBodyPart attachment = new MimeBodyPart();
    attachment.setContent(
        "MZ not really a program".getBytes(StandardCharsets.US_ASCII), "application/octet-stream");
    attachment.setFileName(fileName);
    message.setContent(new MimeMultipart(text, attachment));
    message.saveChanges();
    return message;
  }

  @Test
  void aMessageFlaggedAsSpamIsRefusedWith550AndTheNextMessageOnTheConnectionIsAccepted()
      throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("content-rejected"))) {
      Mailer mailer = Mailer.of(smtp);
      MimeMessage spam = mailer.message("Cheap watches", "user@example.test");
      spam.setHeader("X-Spam-Flag", "YES");
      MimeMessage clean = mailer.message("Minutes", "user@example.test");

      try (Transport transport = mailer.connect()) {
        assertThatThrownBy(() -> transport.sendMessage(spam, spam.getAllRecipients()))
            .isInstanceOfSatisfying(
                SMTPSendFailedException.class,
                e -> {
                  assertThat(e.getReturnCode()).isEqualTo(550);
                  assertThat(Mailer.firstLine(e.getMessage())).isEqualTo(SPAM);
                });
        transport.sendMessage(clean, clean.getAllRecipients());
      }

      assertThat(smtp.sessions()).hasSize(1);
      assertThat(smtp.allMessages())
          .extracting(ReceivedMessage::subject, ReceivedMessage::status)
          .containsExactly(
              tuple("Cheap watches", ReceivedMessage.Status.REJECTED),
              tuple("Minutes", ReceivedMessage.Status.ACCEPTED));
    }
  }

  @Test
  void aMessageWithAnExecutableAttachmentIsRefusedWith552() throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("content-rejected"))) {
      Mailer mailer = Mailer.of(smtp);
      MimeMessage message = withAttachment(mailer, "invoice.exe");

      assertThatThrownBy(() -> mailer.send(message))
          .isInstanceOfSatisfying(
              SMTPSendFailedException.class,
              e -> {
                assertThat(e.getReturnCode()).isEqualTo(552);
                assertThat(Mailer.firstLine(e.getMessage())).isEqualTo(EXECUTABLE);
              });
      assertThat(smtp.allMessages())
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.status()).isEqualTo(ReceivedMessage.Status.REJECTED);
                assertThat(m.body()).contains("invoice.exe");
              });
    }
  }

  @Test
  void cleanMessagesAndHarmlessAttachmentsAreAccepted() throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("content-rejected"))) {
      Mailer mailer = Mailer.of(smtp);
      MimeMessage notSpam = mailer.message("Spam report", "user@example.test");
      notSpam.setHeader("X-Spam-Flag", "NO");

      mailer.send(notSpam);
      mailer.send(withAttachment(mailer, "invoice.pdf"));
      mailer.send(withAttachment(mailer, "notes.js.txt"));

      assertThat(smtp.messages()).hasSize(3);
    }
  }
}
