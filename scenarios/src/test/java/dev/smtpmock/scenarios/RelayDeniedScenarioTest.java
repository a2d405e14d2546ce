package dev.smtpmock.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.scenario.Scenario;
import jakarta.mail.SendFailedException;
import org.junit.jupiter.api.Test;

/** {@code relay-denied}: without AUTH every RCPT gets 554 5.7.1 Relay access denied. */
class RelayDeniedScenarioTest {

  @Test
  void anUnauthenticatedClientGets554ForEveryRecipientAndSendsNoData() {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("relay-denied"))) {
      Mailer mailer = Mailer.of(smtp);

      assertThatThrownBy(
              () -> mailer.send(mailer.message("Order", "a@partner.test", "b@partner.test")))
          .isInstanceOfSatisfying(
              SendFailedException.class,
              e -> {
                assertThat(e.getInvalidAddresses()).hasSize(2);
                assertThat(Mailer.addressFailures(e))
                    .extracting(r -> r.getReturnCode() + " " + Mailer.firstLine(r.getMessage()))
                    .containsExactly(
                        "554 554 5.7.1 <a@partner.test>: Relay access denied",
                        "554 554 5.7.1 <b@partner.test>: Relay access denied");
              });

      assertThat(smtp.sessions().get(0).commands()).noneMatch(c -> c.startsWith("DATA"));
      assertThat(smtp.allMessages()).isEmpty();
    }
  }

  @Test
  void aClientThatAuthenticatesMayRelay() throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("relay-denied"))) {
      Mailer mailer = Mailer.of(smtp).login("app", "app-password");

      mailer.send(mailer.message("Order", "a@partner.test", "b@partner.test"));

      assertThat(smtp.messages())
          .singleElement()
          .satisfies(
              m ->
                  assertThat(m.recipientAddresses())
                      .containsExactly("a@partner.test", "b@partner.test"));
      assertThat(smtp.sessions().get(0).user()).isEqualTo("app");
    }
  }
}
