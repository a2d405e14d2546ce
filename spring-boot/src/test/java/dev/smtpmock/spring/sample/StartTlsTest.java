package dev.smtpmock.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.spring.EnableSmtpMock;
import dev.smtpmock.spring.SmtpMockScenario;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.MailSendException;

/** The context trusts the test CA, and nothing else: certificates fail as in production. */
@SpringBootTest(
    properties = {
      "spring.mail.properties.mail.smtp.starttls.enable=true",
      "spring.mail.properties.mail.smtp.starttls.required=true"
    })
@EnableSmtpMock(scenario = "tls-required")
class StartTlsTest {

  @Autowired WelcomeMailer mailer;

  @Test
  void mailGoesOverStartTlsWithTheBuiltInCertificate(SmtpMockServer smtp) {
    mailer.sendWelcome("alice@example.test");

    assertThat(smtp.awaitMessages(1, Duration.ofSeconds(5))).hasSize(1);
    assertThat(smtp.sessions().get(0).tlsProtocol()).startsWith("TLS");
  }

  @Test
  @SmtpMockScenario(
      yaml =
          """
          extends: tls-required
          server: { tls: { certificate: expired } }
          """)
  void anExpiredCertificateIsRefused(SmtpMockServer smtp) {
    assertHandshakeFails(smtp);
  }

  @Test
  @SmtpMockScenario(
      yaml =
          """
          extends: tls-required
          server: { tls: { certificate: wrong-host } }
          """)
  void aCertificateForAnotherHostIsRefused(SmtpMockServer smtp) {
    assertHandshakeFails(smtp);
  }

  @Test
  @SmtpMockScenario(
      yaml =
          """
          extends: tls-required
          server: { tls: { certificate: untrusted } }
          """)
  void aSelfSignedCertificateIsRefused(SmtpMockServer smtp) {
    assertHandshakeFails(smtp);
  }

  private void assertHandshakeFails(SmtpMockServer smtp) {
    MailSendException exception =
        catchThrowableOfType(
            MailSendException.class, () -> mailer.sendWelcome("alice@example.test"));

    assertThat(exception).hasCauseInstanceOf(jakarta.mail.MessagingException.class);
    assertThat(exception).hasStackTraceContaining(SSLHandshakeException.class.getName());
    assertThat(smtp.messages()).isEmpty();
  }
}
