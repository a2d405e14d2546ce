package dev.smtpmock.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.junit.InjectSmtpMock;
import dev.smtpmock.junit.SmtpMockAssertions;
import dev.smtpmock.spring.EnableSmtpMock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.MailSendException;

@SpringBootTest
@EnableSmtpMock(scenario = "greylisting")
class GreylistingTest {

  @Autowired WelcomeMailer mailer;

  @InjectSmtpMock SmtpMockServer smtp;

  @Test
  void theFirstAttemptIsDeferredAndTheRetryIsAccepted() {
    MailSendException deferred =
        catchThrowableOfType(
            MailSendException.class, () -> mailer.sendWelcome("alice@example.test"));

    assertThat(Failures.recipientFailures(deferred))
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.getAddress()).hasToString("alice@example.test");
              assertThat(failure.getReturnCode()).isEqualTo(451);
              assertThat(failure.getMessage()).contains("451 4.7.1");
            });

    mailer.sendWelcome("alice@example.test");

    assertThat(smtp.awaitMessages(1, Duration.ofSeconds(5)))
        .singleElement()
        .satisfies(m -> assertThat(m.recipientAddresses()).containsExactly("alice@example.test"));
    SmtpMockAssertions.assertThat(smtp).retriedAfter(451).inNewSession();
    SmtpMockAssertions.assertThat(smtp)
        .session(0)
        .sentNoDataAfterAllRecipientsRefused()
        .receivedReply("451 4.7.1 Greylisting in action, please come back later");
  }

  @Test
  void eachTestStartsWithAResetServer() {
    // the other test's triplet was greylisted and then accepted; after the reset it is new again
    assertThat(smtp.sessions()).isEmpty();
    assertThat(smtp.messages()).isEmpty();

    catchThrowableOfType(MailSendException.class, () -> mailer.sendWelcome("alice@example.test"));

    assertThat(smtp.stats().rules())
        .singleElement()
        .satisfies(rule -> assertThat(rule.fired()).isEqualTo(1));
  }
}
