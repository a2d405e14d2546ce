package dev.smtpmock.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.scenario.Scenario;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/** {@code tls-required}: STARTTLS is advertised, and MAIL before it gets 530 5.7.0. */
class TlsRequiredScenarioTest {

  @Test
  void aPlaintextClientGets530AtMailAndSendsNothing() {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("tls-required"))) {
      Mailer mailer = Mailer.of(smtp);

      assertThatThrownBy(() -> mailer.send(mailer.message("Secret", "user@example.test")))
          .isInstanceOfSatisfying(
              SMTPSendFailedException.class,
              e -> {
                assertThat(e.getReturnCode()).isEqualTo(530);
                assertThat(e.getCommand()).startsWith("MAIL FROM");
                assertThat(Mailer.firstLine(e.getMessage()))
                    .isEqualTo("530 5.7.0 Must issue a STARTTLS command first");
              });
      SmtpSession session = smtp.sessions().get(0);
      assertThat(Transcripts.replyTo(session, "EHLO")).endsWith("250 STARTTLS");
      assertThat(session.commands()).noneMatch(c -> c.startsWith("RCPT") || c.equals("DATA"));
      assertThat(smtp.allMessages()).isEmpty();
    }
  }

  @Test
  void aClientThatUsesStarttlsWithTheTestCaIsAccepted() throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("tls-required"))) {
      Mailer mailer = Mailer.of(smtp).startTls();

      mailer.send(mailer.message("Secret", "user@example.test"));

      assertThat(smtp.messages()).hasSize(1);
      SmtpSession session = smtp.sessions().get(0);
      assertThat(session.tlsProtocol()).startsWith("TLSv1.");
      assertThat(session.commands())
          .containsSubsequence("STARTTLS", "MAIL FROM:<" + Mailer.FROM + ">");
      assertThat(Transcripts.replyTo(session, "MAIL FROM")).isEqualTo("250 2.1.0 Ok");
    }
  }
}
