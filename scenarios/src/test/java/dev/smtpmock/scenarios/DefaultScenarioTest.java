package dev.smtpmock.scenarios;

import static dev.smtpmock.scenarios.Transcripts.repliesToData;
import static dev.smtpmock.scenarios.Transcripts.replyTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.scenario.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code default}: a plain sink. */
class DefaultScenarioTest {

  @Test
  void aMessageIsAcceptedWithPostfixsRepliesAndCapturedAsSent() throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("default"))) {
      Mailer mailer = Mailer.of(smtp);
      mailer.send(mailer.message("Welcome", "user@example.test", "other@example.test"));

      ReceivedMessage message = smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0);
      assertThat(message.status()).isEqualTo(ReceivedMessage.Status.ACCEPTED);
      assertThat(message.sender()).isEqualTo(Mailer.FROM);
      assertThat(message.recipientAddresses())
          .containsExactly("user@example.test", "other@example.test");
      assertThat(message.subject()).isEqualTo("Welcome");
      assertThat(message.body()).contains("Hello from the scenario test.");
      SmtpSession session = smtp.sessions().get(0);
      assertThat(Transcripts.serverLines(session).get(0))
          .isEqualTo("220 smtpmock.test ESMTP smtpmock");
      assertThat(replyTo(session, "MAIL FROM")).isEqualTo("250 2.1.0 Ok");
      assertThat(Transcripts.repliesTo(session, "RCPT TO")).containsOnly("250 2.1.5 Ok");
      assertThat(repliesToData(session)).containsExactly("250 2.0.0 Ok: queued as " + message.id());
      assertThat(session.lines()).allSatisfy(line -> assertThat(line.rule()).isNull());
    }
  }

  @Test
  void hasNoRulesAndNoServerSettings() {
    Scenario scenario = Scenario.resolve("default");
    assertThat(scenario.rules()).isEmpty();
    assertThat(scenario.server().explicitValues()).isEmpty();
  }
}
