package dev.smtpmock.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.scenario.Scenario;
import dev.smtpmock.testing.SmtpDialogue;
import jakarta.mail.SendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code unknown-user}: RCPT to a local part starting with "unknown" gets 550 5.1.1. */
class UnknownUserScenarioTest {

  @Test
  void unknownRecipientsGet550AndTheMessageIsDeliveredToTheOthers() {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("unknown-user"))) {
      Mailer mailer = Mailer.of(smtp).sendPartial();

      assertThatThrownBy(
              () ->
                  mailer.send(
                      mailer.message(
                          "Newsletter",
                          "alice@example.test",
                          "unknown@example.test",
                          "Unknown.User@example.test")))
          .isInstanceOfSatisfying(
              SMTPSendFailedException.class,
              e -> {
                assertThat(e.getValidSentAddresses())
                    .extracting(Object::toString)
                    .containsExactly("alice@example.test");
                assertThat(e.getInvalidAddresses())
                    .extracting(Object::toString)
                    .containsExactly("unknown@example.test", "Unknown.User@example.test");
                assertThat(Mailer.addressFailures(e))
                    .extracting(r -> r.getReturnCode() + " " + Mailer.firstLine(r.getMessage()))
                    .containsExactly(
                        "550 550 5.1.1 <unknown@example.test>: Recipient address rejected: User"
                            + " unknown in local recipient table",
                        "550 550 5.1.1 <Unknown.User@example.test>: Recipient address rejected:"
                            + " User unknown in local recipient table");
              });

      assertThat(smtp.messages())
          .singleElement()
          .satisfies(m -> assertThat(m.recipientAddresses()).containsExactly("alice@example.test"));
      assertThat(Transcripts.replyLinesTo(smtp.sessions().get(0), "RCPT TO"))
          .extracting(line -> line.rule() == null ? "default" : line.rule().name())
          .containsExactly("default", "user-unknown", "user-unknown");
    }
  }

  @Test
  void aMessageForUnknownRecipientsOnlyIsBouncedWithoutSendingTheData() {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("unknown-user"))) {
      Mailer mailer = Mailer.of(smtp);

      assertThatThrownBy(() -> mailer.send(mailer.message("Hi", "unknown-42@example.test")))
          .isInstanceOfSatisfying(
              SendFailedException.class,
              e -> {
                assertThat(e.getInvalidAddresses()).hasSize(1);
                assertThat(Mailer.replyCode(e)).isEqualTo(550);
              });

      assertThat(smtp.sessions().get(0).commands()).noneMatch(c -> c.startsWith("DATA"));
      assertThat(smtp.allMessages()).isEmpty();
    }
  }

  // The server accepts these forms of RCPT (SPEC 3), so the rule must see through them too.
  @ParameterizedTest
  @ValueSource(
      strings = {
        "TO: <unknown@example.test>",
        "TO:unknown@example.test",
        "TO:<@relay.example.test:unknown@example.test>",
        "TO:<\"unknown user\"@example.test>"
      })
  void theMatchHoldsForEveryFormOfTheAddressTheServerAccepts(String argument) {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("unknown-user"));
        SmtpDialogue d = SmtpDialogue.connect(smtp.host(), smtp.port())) {
      d.line();
      d.pipeline("MAIL FROM:<app@example.test>", "RCPT " + argument);

      assertThat(d.line()).isEqualTo("250 2.1.0 Ok");
      assertThat(d.line())
          .startsWith("550 5.1.1 <")
          .endsWith(">: Recipient address rejected: User unknown in local recipient table");
    }
  }

  @Test
  void addressesThatMerelyContainUnknownAreAccepted() throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("unknown-user"))) {
      Mailer mailer = Mailer.of(smtp);
      mailer.send(mailer.message("Hi", "not-unknown@example.test", "ann@unknown.example.test"));
      assertThat(smtp.messages())
          .singleElement()
          .satisfies(m -> assertThat(m.recipients()).hasSize(2));
    }
  }
}
