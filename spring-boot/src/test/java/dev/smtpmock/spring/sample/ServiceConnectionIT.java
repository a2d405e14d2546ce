package dev.smtpmock.spring.sample;

import static dev.smtpmock.junit.SmtpMockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpmock.spring.SmtpMockConnectionDetails;
import dev.smtpmock.testcontainers.SmtpMockContainer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.mail.MailSendException;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@code @ServiceConnection} on the container is the whole setup: no {@code spring.mail.host}
 * anywhere, and Boot still makes its JavaMailSender, pointed at the container.
 */
@RequiresDocker
@SpringBootTest
@Testcontainers
class ServiceConnectionIT {

  @Container @ServiceConnection
  static SmtpMockContainer smtp = new SmtpMockContainer().withBuiltInScenario("greylisting");

  @Autowired WelcomeMailer mailer;

  @Test
  void bootsMailSenderTalksToTheContainer() {
    assertThatThrownBy(() -> mailer.sendWelcome("alice@example.test"))
        .isInstanceOf(MailSendException.class)
        .hasMessageContaining("451 4.7.1");

    mailer.sendWelcome("alice@example.test");

    smtp.client().awaitMessages(1, Duration.ofSeconds(10));
    assertThat(smtp.client()).onlyMessage().hasRecipients("alice@example.test");
    assertThat(smtp.client()).retriedAfter(451).inNewSession();
  }

  @Test
  void theConnectionDetailsNameTheContainer(@Autowired SmtpMockConnectionDetails details) {
    assertThat(details.getHost()).isEqualTo(smtp.getSmtpHost());
    assertThat(details.getPort()).isEqualTo(smtp.getSmtpPort());
    assertThat(details.getAdminUrl()).isEqualTo(smtp.getAdminUrl());
  }
}
