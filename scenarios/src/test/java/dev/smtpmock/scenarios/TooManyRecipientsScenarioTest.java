package dev.smtpmock.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.scenario.Scenario;
import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;

/** {@code too-many-recipients}: the third and later RCPT of a transaction get 452 4.5.3. */
class TooManyRecipientsScenarioTest {

  @Test
  void theThirdRecipientOnGets452AndTheClientSplitsTheRestIntoNewTransactions() throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("too-many-recipients"))) {
      Mailer mailer = Mailer.of(smtp).sendPartial();
      MimeMessage message =
          mailer.message(
              "Team news",
              "a@example.test",
              "b@example.test",
              "c@example.test",
              "d@example.test",
              "e@example.test");
      List<SMTPAddressFailedException> refusedInFirstTransaction = new ArrayList<>();

      try (Transport transport = mailer.connect()) {
        Address[] pending = message.getAllRecipients();
        for (int transaction = 1; pending.length > 0 && transaction <= 5; transaction++) {
          try {
            transport.sendMessage(message, pending);
            pending = new Address[0];
          } catch (SendFailedException e) {
            if (transaction == 1) {
              refusedInFirstTransaction.addAll(Mailer.addressFailures(e));
            }
            pending = e.getValidUnsentAddresses();
          }
        }
      }

      assertThat(refusedInFirstTransaction)
          .hasSize(3)
          .allSatisfy(
              refused -> {
                assertThat(refused.getReturnCode()).isEqualTo(452);
                assertThat(Mailer.firstLine(refused.getMessage()))
                    .isEqualTo("452 4.5.3 Error: too many recipients");
              });
      assertThat(smtp.messages())
          .extracting(ReceivedMessage::recipientAddresses)
          .containsExactly(
              List.of("a@example.test", "b@example.test"),
              List.of("c@example.test", "d@example.test"),
              List.of("e@example.test"));
      SmtpSession session = smtp.sessions().get(0);
      assertThat(smtp.sessions()).hasSize(1);
      assertThat(Transcripts.repliesTo(session, "RCPT TO"))
          .containsExactly(
              "250 2.1.5 Ok",
              "250 2.1.5 Ok",
              "452 4.5.3 Error: too many recipients",
              "452 4.5.3 Error: too many recipients",
              "452 4.5.3 Error: too many recipients",
              "250 2.1.5 Ok",
              "250 2.1.5 Ok",
              "452 4.5.3 Error: too many recipients",
              "250 2.1.5 Ok");
    }
  }

  @Test
  void twoRecipientsAreAcceptedAsUsual() throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("too-many-recipients"))) {
      Mailer mailer = Mailer.of(smtp);
      mailer.send(mailer.message("Pair", "a@example.test", "b@example.test"));
      assertThat(smtp.messages())
          .singleElement()
          .satisfies(
              m ->
                  assertThat(m.recipientAddresses())
                      .containsExactly("a@example.test", "b@example.test"));
    }
  }
}
