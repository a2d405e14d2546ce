package dev.smtpmock.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.spring.EnableSmtpMock;
import dev.smtpmock.spring.SmtpMockScenario;
import jakarta.mail.SendFailedException;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.MailSendException;

/** A method's own scenario on the context's server, and the class's scenario back after it. */
@SpringBootTest(properties = "spring.mail.properties.mail.smtp.sendpartial=true")
@EnableSmtpMock
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecipientLimitTest {
  static final String[] RECIPIENTS = {
    "alice@example.test", "bob@example.test", "carol@example.test", "dave@example.test"
  };

  /** The port during the override, compared with the port after it. */
  static int overridePort;

  @Autowired WelcomeMailer mailer;

  @Test
  @Order(1)
  @SmtpMockScenario(
      yaml =
          """
          rules:
            - when: rcpt
              nth: 3
              per: transaction
              reply: 452 4.5.3 Too many recipients
          """)
  void theThirdRecipientIsRefusedAndTheOthersGetTheMail(SmtpMockServer smtp) {
    MailSendException exception =
        catchThrowableOfType(MailSendException.class, () -> mailer.sendWelcome(RECIPIENTS));

    SendFailedException failed = Failures.sendFailed(exception);
    assertThat(Failures.addresses(failed.getValidUnsentAddresses()))
        .containsExactly("carol@example.test");
    assertThat(Failures.addresses(failed.getValidSentAddresses()))
        .containsExactly("alice@example.test", "bob@example.test", "dave@example.test");
    assertThat(Failures.recipientFailures(exception))
        .singleElement()
        .satisfies(failure -> assertThat(failure.getMessage()).contains("452 4.5.3"));
    assertThat(smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0).recipientAddresses())
        .containsExactly("alice@example.test", "bob@example.test", "dave@example.test");
    overridePort = smtp.port();
  }

  @Test
  @Order(2)
  void afterTheOverrideTheClassScenarioIsBackOnTheSamePort(SmtpMockServer smtp) {
    mailer.sendWelcome(RECIPIENTS);

    assertThat(smtp.port()).isEqualTo(overridePort);
    assertThat(smtp.scenario().name()).isEqualTo("default");
    assertThat(smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0).recipientAddresses())
        .containsExactly(RECIPIENTS);
  }
}
