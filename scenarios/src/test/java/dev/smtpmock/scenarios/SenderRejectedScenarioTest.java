package dev.smtpmock.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.scenario.Scenario;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/**
 * {@code sender-rejected}: after the data, 550 5.7.9 for unsigned mail and 554 5.7.9 for signed
 * mail that fails DMARC.
 */
class SenderRejectedScenarioTest {
  private static final String UNAUTHENTICATED =
      "550 5.7.9 This mail has been blocked because the sender is unauthenticated. Yahoo requires"
          + " all senders to authenticate with either SPF or DKIM.";
  private static final String DMARC =
      "554 5.7.9 Message not accepted for policy reasons. See"
          + " https://postmaster.yahooinc.com/error-codes";

  @Test
  void anUnsignedMessageIsRefusedAfterTheDataAsUnauthenticatedAndNotRetried() {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("sender-rejected"))) {
      Mailer mailer = Mailer.of(smtp);

      var attempts =
          mailer.sendWithRetries(
              mailer.message("Receipt", "user@example.test"), 3, Duration.ofMillis(50));

      assertThat(attempts)
          .singleElement()
          .isInstanceOfSatisfying(
              SMTPSendFailedException.class,
              e -> {
                assertThat(e.getReturnCode()).isEqualTo(550);
                assertThat(e.getCommand()).isEqualTo(".");
                assertThat(Mailer.firstLine(e.getMessage())).isEqualTo(UNAUTHENTICATED);
              });
      assertThat(Transcripts.replyTo(smtp.sessions().get(0), "MAIL FROM"))
          .isEqualTo("250 2.1.0 Ok");
      assertThat(smtp.messages()).isEmpty();
      assertThat(smtp.allMessages())
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.status()).isEqualTo(ReceivedMessage.Status.REJECTED);
                assertThat(m.reply()).isEqualTo(UNAUTHENTICATED);
              });
    }
  }

  @Test
  void aDkimSignedMessageIsRefusedForTheDomainsDmarcPolicy() throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("sender-rejected"))) {
      Mailer mailer = Mailer.of(smtp);
      MimeMessage signed = mailer.message("Receipt", "user@example.test");
      signed.setHeader(
          "DKIM-Signature",
          "v=1; a=rsa-sha256; d=example.test; s=mail; h=from:to:subject; bh=AAAA; b=BBBB");

      assertThatThrownBy(() -> mailer.send(signed))
          .isInstanceOfSatisfying(
              SMTPSendFailedException.class,
              e -> {
                assertThat(e.getReturnCode()).isEqualTo(554);
                assertThat(Mailer.firstLine(e.getMessage())).isEqualTo(DMARC);
              });
      assertThat(
              Transcripts.replyLinesTo(smtp.sessions().get(0), "(message data")
                  .get(0)
                  .rule()
                  .name())
          .isEqualTo("dmarc-policy");
    }
  }
}
