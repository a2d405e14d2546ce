package dev.smtpmock.internal.protocol;

import static dev.smtpmock.testing.Servers.serve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.internal.tls.TlsMaterial;
import dev.smtpmock.scenario.InvalidScenarioException;
import dev.smtpmock.scenario.Scenario;
import dev.smtpmock.testing.SmtpDialogue;
import java.io.IOException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 7: on an implicit-TLS server, {@code fault: tls-failure} on {@code connect} is
 * evaluated when the TCP connection is accepted, before the handshake; it writes nothing, waits for
 * the client's first TLS record and resets. The other connect rules come after the handshake.
 */
class ImplicitTlsFailureTest {
  private static final String FIRST_FAILS =
      """
      server: {tls: {implicit: true}, idle-timeout: 1s}
      rules:
        - {name: broken, when: connect, per: server, nth: 1, fault: tls-failure}
        - {name: greeting, when: connect, reply: 220 mx.test after the handshake}
      """;

  // The first bytes of a TLS ClientHello record: handshake (22), TLS 1.0 record version, 5 bytes.
  private static final byte[] FIRST_RECORD = {22, 3, 1, 0, 5, 1, 0, 0, 1, 3};

  @Test
  void theHandshakeGetsNoTlsBytesAndAResetAtTheFirstRecord() {
    try (SmtpMockServer smtp = serve(FIRST_FAILS);
        SmtpDialogue d = SmtpDialogue.connect(smtp.port(), java.time.Duration.ofMillis(300))) {
      assertThatThrownBy(d::line).hasRootCauseInstanceOf(SocketTimeoutException.class);
      d.sendRaw(FIRST_RECORD);
      d.socket().setSoTimeout(5000);
      assertThat(d.closedHow()).isEqualTo(SmtpDialogue.Closed.RESET);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aJdkClientsHandshakeFailsAndTheNextConnectionIsGreetedUnderTls() throws IOException {
    try (SmtpMockServer smtp = serve(FIRST_FAILS)) {
      assertThatThrownBy(() -> handshake(smtp).close()).isInstanceOf(IOException.class);
      try (SSLSocket tls = handshake(smtp)) {
        assertThat(new String(tls.getInputStream().readNBytes(33), "US-ASCII"))
            .isEqualTo("220 mx.test after the handshake\r\n");
      }
      assertThat(smtp.stats().rules()).extracting(rule -> rule.fired()).containsExactly(1L, 1L);
      await().until(() -> !smtp.sessions().get(0).isOpen());
      assertThat(smtp.sessions().get(0).end()).isEqualTo(SmtpSession.End.FAULT);
      assertThat(smtp.sessions().get(0).transcript()).startsWith("S: (fault: tls-failure)");
    }
  }

  @Test
  void theIdleTimeoutBoundsTheWaitForTheFirstRecord() {
    try (SmtpMockServer smtp = serve(FIRST_FAILS);
        SmtpDialogue d = SmtpDialogue.connect(smtp.port(), java.time.Duration.ofMillis(5000))) {
      assertThat(d.closedHow()).isEqualTo(SmtpDialogue.Closed.FIN);
      await().until(() -> !smtp.sessions().get(0).isOpen());
      assertThat(smtp.sessions().get(0).end()).isEqualTo(SmtpSession.End.IDLE_TIMEOUT);
    }
  }

  @Test
  void onAPlaintextServerTlsFailureOnConnectIsALoadError() {
    assertThatThrownBy(
            () -> Scenario.parse("rules:\n  - when: connect\n    fault: tls-failure\n", "t.yaml"))
        .isInstanceOf(InvalidScenarioException.class)
        .hasMessageContaining("t.yaml:3:5: error: tls-failure on connect needs tls.implicit: true");
  }

  private static SSLSocket handshake(SmtpMockServer smtp) throws IOException {
    SSLSocket tls =
        (SSLSocket)
            TlsMaterial.clientContextTrustingCa()
                .getSocketFactory()
                .createSocket("localhost", smtp.port());
    tls.setSoTimeout(5000);
    tls.startHandshake();
    return tls;
  }
}
