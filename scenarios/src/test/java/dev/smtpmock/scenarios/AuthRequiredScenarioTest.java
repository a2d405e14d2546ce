package dev.smtpmock.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.scenario.Scenario;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code auth-required}: MAIL before AUTH gets 530 5.7.0; any credentials are accepted. */
class AuthRequiredScenarioTest {

  @Test
  void aClientWithoutCredentialsGets530AtMail() {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("auth-required"))) {
      Mailer mailer = Mailer.of(smtp);

      assertThatThrownBy(() -> mailer.send(mailer.message("Alert", "ops@example.test")))
          .isInstanceOfSatisfying(
              SMTPSendFailedException.class,
              e -> {
                assertThat(e.getReturnCode()).isEqualTo(530);
                assertThat(e.getCommand()).startsWith("MAIL FROM");
                assertThat(Mailer.firstLine(e.getMessage()))
                    .isEqualTo("530 5.7.0 Authentication required");
              });
      assertThat(smtp.sessions().get(0).commands()).noneMatch(c -> c.startsWith("RCPT"));
      assertThat(smtp.allMessages()).isEmpty();
    }
  }

  @ParameterizedTest(name = "AUTH {0}")
  @ValueSource(strings = {"PLAIN", "LOGIN"})
  void aClientThatLogsInIsAccepted(String mechanism) throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("auth-required"))) {
      Mailer mailer =
          Mailer.of(smtp).login("app", "app-password").set("auth.mechanisms", mechanism);

      mailer.send(mailer.message("Alert", "ops@example.test"));

      assertThat(smtp.messages()).hasSize(1);
      assertThat(smtp.sessions().get(0).user()).isEqualTo("app");
      assertThat(smtp.sessions().get(0).commands())
          .anyMatch(c -> c.startsWith("AUTH " + mechanism));
    }
  }
}
