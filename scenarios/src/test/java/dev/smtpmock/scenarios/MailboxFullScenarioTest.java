package dev.smtpmock.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.scenario.Scenario;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code mailbox-full}: 452 4.2.2 three times per recipient, then 552 5.2.2. */
class MailboxFullScenarioTest {
  private static final String OVER_QUOTA =
      "452 4.2.2 The recipient's inbox is out of storage space. Please direct the recipient to"
          + " Manage files in your Google Drive storage.";
  private static final String INACTIVE =
      "552 5.2.2 The recipient's inbox is out of storage space and inactive. Please direct the"
          + " recipient to Manage files in your Google Drive storage.";

  @Test
  void aRetryingClientIsDeferredThreeTimesThenRefusedPermanentlyAndStopsRetrying() {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("mailbox-full"))) {
      Mailer mailer = Mailer.of(smtp);

      List<MessagingException> attempts =
          mailer.sendWithRetries(
              mailer.message("Photos", "full@example.test"), 10, Duration.ofMillis(20));

      assertThat(attempts).extracting(Mailer::replyCode).containsExactly(452, 452, 452, 552);
      assertThat(attempts.get(0)).satisfies(e -> assertThat(firstRefusal(e)).isEqualTo(OVER_QUOTA));
      assertThat(attempts.get(3)).satisfies(e -> assertThat(firstRefusal(e)).isEqualTo(INACTIVE));
      assertThat(smtp.sessions())
          .extracting(session -> Transcripts.replyTo(session, "RCPT TO"))
          .containsExactly(OVER_QUOTA, OVER_QUOTA, OVER_QUOTA, INACTIVE);
      assertThat(smtp.sessions()).allSatisfy(s -> assertThat(s.commands()).doesNotContain("DATA"));
      assertThat(smtp.allMessages()).isEmpty();
    }
  }

  @Test
  void eachRecipientHasItsOwnCount() {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("mailbox-full"))) {
      Mailer mailer = Mailer.of(smtp);
      mailer.sendWithRetries(mailer.message("Photos", "full@example.test"), 10, Duration.ZERO);

      List<MessagingException> other =
          mailer.sendWithRetries(
              mailer.message("Photos", "also-full@example.test"), 1, Duration.ZERO);

      assertThat(other).extracting(Mailer::replyCode).containsExactly(452);
    }
  }

  private static String firstRefusal(MessagingException e) {
    return Mailer.firstLine(Mailer.addressFailures(e).get(0).getMessage());
  }
}
