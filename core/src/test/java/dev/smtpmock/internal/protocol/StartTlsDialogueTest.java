package dev.smtpmock.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.internal.tls.TlsMaterial;
import dev.smtpmock.scenario.Scenario;
import dev.smtpmock.testing.SmtpDialogue;
import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** STARTTLS from the client's side, over a real handshake (SPEC 2.4 `tls`, RFC 3207). */
class StartTlsDialogueTest {
  private static final Scenario TLS_REQUIRED =
      Scenario.parse(
          """
          server:
            extensions: [PIPELINING, SIZE, 8BITMIME, ENHANCEDSTATUSCODES, STARTTLS]
          rules:
            - when: mail
              tls: false
              reply: 530 5.7.0 Must issue a STARTTLS command first
          """,
          "tls-required.yaml");

  // A fresh server each time: the race showed on a server's first handshakes, while the JDK's
  // handshake code was still cold.
  @RepeatedTest(5)
  void theFirstCommandsAfterTheHandshakeAreAnsweredUnderTls() {
    try (SmtpMockServer smtp = SmtpMockServer.start(TLS_REQUIRED);
        SmtpDialogue d = SmtpDialogue.connect(smtp.host(), smtp.port())) {
      d.reply();
      assertThat(d.command("EHLO client.test").lines()).contains("250 STARTTLS");
      assertThat(d.command("STARTTLS").lines()).containsExactly("220 2.0.0 Ready to start TLS");

      d.upgradeToTls(TlsMaterial.clientContextTrustingCa(), "localhost");
      d.pipeline("EHLO client.test", "MAIL FROM:<a@b.test>");

      assertThat(d.reply().lines()).doesNotContain("250-STARTTLS", "250 STARTTLS");
      assertThat(d.reply().lines()).containsExactly("250 2.1.0 Ok");
    }
  }

  @Test
  void withImplicitTlsTheSessionIsUnderTlsFromTheConnect() {
    Scenario implicit =
        Scenario.parse(
            """
            server:
              extensions: [ENHANCEDSTATUSCODES, STARTTLS]
              tls: { implicit: true }
            rules:
              - when: connect
                tls: true
                reply: 220 smtpmock.test ESMTP under TLS from the start
            """,
            "implicit.yaml");
    try (SmtpMockServer smtp = SmtpMockServer.start(implicit);
        SmtpDialogue d =
            SmtpDialogue.connectTls(
                smtp.host(), smtp.port(), TlsMaterial.clientContextTrustingCa())) {
      assertThat(d.reply().lines())
          .containsExactly("220 smtpmock.test ESMTP under TLS from the start");
      assertThat(d.command("STARTTLS").lines())
          .containsExactly("554 5.5.1 Error: TLS already active");
    }
  }

  @Test
  void anImplicitTlsClientThatNeverShakesHandsIsClosedAtTheIdleTimeoutUngreeted() {
    Scenario implicit =
        Scenario.parse("server: { idle-timeout: 1s, tls: { implicit: true } }", "implicit.yaml");
    try (SmtpMockServer smtp = SmtpMockServer.start(implicit);
        SmtpDialogue plain = SmtpDialogue.connect(smtp.host(), smtp.port())) {
      assertThat(plain.readToEnd()).isEmpty();
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(smtp.sessions().get(0))
                      .satisfies(
                          session -> {
                            assertThat(session.end()).isEqualTo(SmtpSession.End.IDLE_TIMEOUT);
                            assertThat(session.lines())
                                .extracting(SmtpSession.Line::text)
                                .containsExactly("(no TLS handshake within the idle timeout)");
                          }));
    }
  }
}
