package dev.smtpmock.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.internal.tls.TlsMaterial;
import dev.smtpmock.scenario.Scenario;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
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
  void theFirstCommandsAfterTheHandshakeAreAnsweredUnderTls() throws IOException {
    try (SmtpMockServer smtp = SmtpMockServer.start(TLS_REQUIRED);
        Socket plain = new Socket(smtp.host(), smtp.port())) {
      plain.setSoTimeout(10_000);
      BufferedReader in = reader(plain);
      reply(in);
      send(plain.getOutputStream(), "EHLO client.test\r\n");
      assertThat(reply(in)).contains("250 STARTTLS");
      send(plain.getOutputStream(), "STARTTLS\r\n");
      assertThat(reply(in)).containsExactly("220 2.0.0 Ready to start TLS");

      try (SSLSocket tls =
          (SSLSocket)
              TlsMaterial.clientContextTrustingCa()
                  .getSocketFactory()
                  .createSocket(plain, "localhost", smtp.port(), true)) {
        tls.startHandshake();
        send(tls.getOutputStream(), "EHLO client.test\r\nMAIL FROM:<a@b.test>\r\n");
        BufferedReader secure = reader(tls);

        assertThat(reply(secure)).doesNotContain("250-STARTTLS", "250 STARTTLS");
        assertThat(reply(secure)).containsExactly("250 2.1.0 Ok");
      }
    }
  }

  @Test
  void withImplicitTlsTheSessionIsUnderTlsFromTheConnect() throws IOException {
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
        SSLSocket tls =
            (SSLSocket)
                TlsMaterial.clientContextTrustingCa()
                    .getSocketFactory()
                    .createSocket(smtp.host(), smtp.port())) {
      tls.setSoTimeout(10_000);
      BufferedReader in = reader(tls);

      assertThat(reply(in)).containsExactly("220 smtpmock.test ESMTP under TLS from the start");
      send(tls.getOutputStream(), "STARTTLS\r\n");
      assertThat(reply(in)).containsExactly("554 5.5.1 Error: TLS already active");
    }
  }

  @Test
  void anImplicitTlsClientThatNeverShakesHandsIsClosedAtTheIdleTimeoutUngreeted()
      throws IOException {
    Scenario implicit =
        Scenario.parse("server: { idle-timeout: 1s, tls: { implicit: true } }", "implicit.yaml");
    try (SmtpMockServer smtp = SmtpMockServer.start(implicit);
        Socket plain = new Socket(smtp.host(), smtp.port())) {
      plain.setSoTimeout(10_000);

      assertThat(plain.getInputStream().read()).isEqualTo(-1);
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

  private static BufferedReader reader(Socket socket) throws IOException {
    return new BufferedReader(
        new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
  }

  private static void send(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** The lines of one reply, single or multi-line. */
  private static List<String> reply(BufferedReader in) throws IOException {
    List<String> lines = new ArrayList<>();
    String line;
    do {
      line = in.readLine();
      assertThat(line).as("a reply line").isNotNull();
      lines.add(line);
    } while (line.length() > 3 && line.charAt(3) == '-');
    return lines;
  }
}
