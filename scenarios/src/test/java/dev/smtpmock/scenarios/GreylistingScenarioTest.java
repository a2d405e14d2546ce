package dev.smtpmock.scenarios;

import static dev.smtpmock.scenarios.Transcripts.replyTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.scenario.Scenario;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;

/** {@code greylisting}: the first attempt of each (client, sender, recipient) gets 451 4.7.1. */
class GreylistingScenarioTest {
  private static final String GREYLISTED =
      "451 4.7.1 Greylisting in action, please come back later";

  @Test
  void theFirstAttemptIsDeferredWith451AndTheClientsRetryIsAccepted() {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("greylisting"))) {
      Mailer mailer = Mailer.of(smtp);

      List<MessagingException> attempts =
          mailer.sendWithRetries(
              mailer.message("Invoice", "user@example.test"), 5, Duration.ofMillis(200));

      assertThat(attempts).hasSize(2).last().isNull();
      List<SMTPAddressFailedException> deferred = Mailer.addressFailures(attempts.get(0));
      assertThat(deferred).singleElement().satisfies(GreylistingScenarioTest::isGreylisted);
      assertThat(replyTo(smtp.sessions().get(0), "RCPT TO")).isEqualTo(GREYLISTED);
      assertThat(Transcripts.replyLinesTo(smtp.sessions().get(0), "RCPT TO").get(0).rule().name())
          .isEqualTo("greylist");
      assertThat(replyTo(smtp.sessions().get(1), "RCPT TO")).isEqualTo("250 2.1.5 Ok");
      assertThat(smtp.sessions().get(0).commands()).noneMatch(c -> c.startsWith("DATA"));
      assertThat(smtp.messages())
          .singleElement()
          .satisfies(m -> assertThat(m.recipientAddresses()).containsExactly("user@example.test"));
    }
  }

  @Test
  void anotherSenderAnotherRecipientOrAnotherClientAddressIsANewTripletAndIsDeferredAgain()
      throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("greylisting"))) {
      Mailer mailer = Mailer.of(smtp);
      MimeMessage message = mailer.message("Invoice", "user@example.test");
      assertThat(mailer.sendWithRetries(message, 3, Duration.ofMillis(50))).hasSize(2);

      MimeMessage fromSomeoneElse = mailer.message("Invoice", "user@example.test");
      fromSomeoneElse.setFrom(new InternetAddress("billing@example.test"));
      assertThatThrownBy(() -> mailer.send(fromSomeoneElse))
          .isInstanceOf(SendFailedException.class);
      assertThatThrownBy(() -> mailer.send(mailer.message("Invoice", "boss@example.test")))
          .isInstanceOf(SendFailedException.class);
      Mailer fromAnotherAddress = Mailer.of(smtp).set("localaddress", "127.0.0.2");
      assertThatThrownBy(() -> fromAnotherAddress.send(message))
          .isInstanceOf(SendFailedException.class);

      assertThat(smtp.sessions())
          .extracting(session -> replyTo(session, "RCPT TO"))
          .containsExactly(GREYLISTED, "250 2.1.5 Ok", GREYLISTED, GREYLISTED, GREYLISTED);
      assertThat(smtp.sessions().get(4).clientAddress()).startsWith("127.0.0.2");
    }
  }

  @Test
  void aRecipientPastTheGreylistIsDeliveredWhileANewOneOfTheSameMessageIsDeferred()
      throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("greylisting"))) {
      Mailer mailer = Mailer.of(smtp).sendPartial();
      mailer.sendWithRetries(mailer.message("Hello", "old@example.test"), 3, Duration.ofMillis(50));

      MimeMessage both = mailer.message("Minutes", "old@example.test", "new@example.test");
      assertThatThrownBy(() -> mailer.send(both))
          .isInstanceOfSatisfying(
              SendFailedException.class,
              e -> {
                assertThat(e.getValidSentAddresses())
                    .extracting(Object::toString)
                    .containsExactly("old@example.test");
                assertThat(e.getValidUnsentAddresses())
                    .extracting(Object::toString)
                    .containsExactly("new@example.test");
                assertThat(Mailer.addressFailures(e))
                    .singleElement()
                    .satisfies(GreylistingScenarioTest::isGreylisted);
              });
      mailer.send(both, new InternetAddress("new@example.test"));

      assertThat(smtp.messages())
          .extracting(ReceivedMessage::subject, ReceivedMessage::recipientAddresses)
          .containsExactly(
              tuple("Hello", List.of("old@example.test")),
              tuple("Minutes", List.of("old@example.test")),
              tuple("Minutes", List.of("new@example.test")));
    }
  }

  private static void isGreylisted(SMTPAddressFailedException refused) {
    assertThat(refused.getReturnCode()).isEqualTo(451);
    assertThat(Mailer.firstLine(refused.getMessage())).isEqualTo(GREYLISTED);
  }
}
