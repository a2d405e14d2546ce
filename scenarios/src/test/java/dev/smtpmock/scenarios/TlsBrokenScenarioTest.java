package dev.smtpmock.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.scenario.Scenario;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;

/** {@code tls-broken}: STARTTLS gets 220, then the handshake is reset. */
class TlsBrokenScenarioTest {

  @Test
  void theHandshakeIsAbortedAfter220AndAClientThatRequiresTlsSendsNothing() {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("tls-broken"))) {
      Mailer mailer = Mailer.of(smtp).startTls();

      assertThatThrownBy(() -> mailer.send(mailer.message("Secret", "user@example.test")))
          .isInstanceOf(MessagingException.class)
          .hasMessageContaining("Could not convert socket to TLS");

      await().until(() -> !smtp.sessions().get(0).isOpen());
      SmtpSession session = smtp.sessions().get(0);
      assertThat(session.commands()).last().isEqualTo("STARTTLS");
      assertThat(Transcripts.replyLinesTo(session, "STARTTLS"))
          .singleElement()
          .satisfies(line -> assertThat(line.rule().name()).isEqualTo("handshake-aborted"));
      assertThat(Transcripts.serverLines(session)).contains("220 2.0.0 Ready to start TLS");
      assertThat(session.tlsProtocol()).isNull();
      assertThat(session.end()).isEqualTo(SmtpSession.End.FAULT);
      assertThat(smtp.allMessages()).isEmpty();
    }
  }

  @Test
  void aClientWhosePolicyAllowsPlaintextMayRetryWithoutStarttlsOnANewConnection() throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("tls-broken"))) {
      Mailer opportunistic = Mailer.of(smtp).startTls().set("starttls.required", "false");
      assertThatThrownBy(() -> opportunistic.send(opportunistic.message("Hi", "user@example.test")))
          .isInstanceOf(MessagingException.class);

      Mailer plaintext = Mailer.of(smtp);
      plaintext.send(plaintext.message("Hi", "user@example.test"));

      assertThat(smtp.messages())
          .singleElement()
          .satisfies(m -> assertThat(m.connection()).isEqualTo(2));
      SmtpSession second = smtp.sessions().get(1);
      assertThat(second.commands()).doesNotContain("STARTTLS");
      assertThat(second.tlsProtocol()).isNull();
    }
  }
}
