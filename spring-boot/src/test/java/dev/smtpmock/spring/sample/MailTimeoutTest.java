package dev.smtpmock.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smtpmock.spring.EnableSmtpMock;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.MailSendException;

/** The application's own mail properties still apply beside the ones @EnableSmtpMock adds. */
@SpringBootTest(properties = "spring.mail.properties.mail.smtp.timeout=2000")
@EnableSmtpMock(scenario = "blackhole")
class MailTimeoutTest {

  @Autowired WelcomeMailer mailer;

  @Test
  void aServerThatNeverGreetsFailsTheSendAfterTheConfiguredTwoSeconds() {
    long start = System.nanoTime();
    MailSendException exception =
        catchThrowableOfType(
            MailSendException.class, () -> mailer.sendWelcome("alice@example.test"));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(exception).hasRootCauseInstanceOf(SocketTimeoutException.class);
    // not the 10 s of application.properties, nor the server's 5 minutes
    assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(8));
  }
}
