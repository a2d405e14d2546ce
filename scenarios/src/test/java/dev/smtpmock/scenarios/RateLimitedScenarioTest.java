package dev.smtpmock.scenarios;

import static dev.smtpmock.scenarios.Transcripts.replyTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.scenario.Scenario;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/**
 * {@code rate-limited}: more than 3 messages a minute to a recipient get 450 4.2.1, more than 5
 * MAILs a minute from a client get 421 4.7.28.
 */
class RateLimitedScenarioTest {
  private static final String TOO_QUICKLY =
      "450 4.2.1 The user you are trying to contact is receiving email too quickly.";

  private static List<Integer> sendEach(Mailer mailer, int count, String recipient) {
    List<Integer> codes = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      try {
        mailer.send(mailer.message("Report " + i, recipient));
        codes.add(250);
      } catch (MessagingException e) {
        codes.add(Mailer.replyCode(e));
      }
    }
    return codes;
  }

  @Test
  void messagesFourAndFiveAreDeferredAtRcptAndTheSixthMailGets421AndTheConnectionCloses() {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("rate-limited"))) {
      Mailer mailer = Mailer.of(smtp);

      assertThat(sendEach(mailer, 6, "user@example.test"))
          .containsExactly(250, 250, 250, 450, 450, 421);

      List<SmtpSession> sessions = smtp.sessions();
      assertThat(replyTo(sessions.get(3), "RCPT TO")).startsWith(TOO_QUICKLY);
      assertThat(replyTo(sessions.get(4), "RCPT TO")).startsWith(TOO_QUICKLY);
      String cutOff = replyTo(sessions.get(5), "MAIL FROM");
      assertThat(cutOff.split("\r\n"))
          .hasSize(6)
          .startsWith("421-4.7.28 [127.0.0.1] Our system has detected an unusual rate of")
          .endsWith(
              "421 4.7.28 review our Bulk Email Senders Guidelines. "
                  + sessions.get(5).id()
                  + " - gsmtp");
      assertThat(sessions.get(5).commands()).noneMatch(c -> c.startsWith("RCPT"));
      assertThat(smtp.messages()).hasSize(3);
    }
  }

  @Test
  void aClientThatRetriesQuicklyKeepsHittingTheLimitBecauseEveryAttemptCounts() {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("rate-limited"))) {
      Mailer mailer = Mailer.of(smtp);
      sendEach(mailer, 5, "user@example.test");

      List<MessagingException> retries =
          mailer.sendWithRetries(
              mailer.message("Report 6", "another@example.test"), 4, Duration.ofMillis(50));

      assertThat(retries)
          .hasSize(4)
          .allSatisfy(
              e ->
                  assertThat(e)
                      .isInstanceOfSatisfying(
                          SMTPSendFailedException.class,
                          failed -> {
                            assertThat(failed.getReturnCode()).isEqualTo(421);
                            assertThat(failed.getCommand()).startsWith("MAIL FROM");
                            assertThat(failed.getMessage()).contains("4.7.28");
                          }));
      assertThat(smtp.sessions().subList(5, 9))
          .allSatisfy(s -> assertThat(replyTo(s, "MAIL FROM")).startsWith("421-4.7.28"));
      assertThat(smtp.stats().rules())
          .extracting(r -> r.name() + "=" + r.fired())
          .containsExactly("ip-rate-limit=4", "recipient-rate-limit=2");
    }
  }

  @Test
  void anotherClientAddressHasItsOwnCount() throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("rate-limited"))) {
      sendEach(Mailer.of(smtp), 6, "user@example.test");

      Mailer elsewhere = Mailer.of(smtp).set("localaddress", "127.0.0.2");
      elsewhere.send(elsewhere.message("From elsewhere", "someone@example.test"));

      assertThat(smtp.messages())
          .hasSize(4)
          .last()
          .satisfies(m -> assertThat(m.subject()).isEqualTo("From elsewhere"));
    }
  }
}
