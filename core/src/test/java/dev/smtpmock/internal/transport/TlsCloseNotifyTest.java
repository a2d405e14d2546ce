package dev.smtpmock.internal.transport;

import static dev.smtpmock.testing.Servers.serve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.internal.tls.TlsMaterial;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 18, item 6: under TLS every close the server starts sends a TLS close_notify first (SPEC
 * 3). The JDK's client is made strict by {@code com.sun.net.ssl.requireCloseNotify=true} (core's
 * Surefire configuration): a clean end of stream then shows the close_notify, and a TCP close
 * without one is an {@link SSLException}, as the control case shows.
 */
class TlsCloseNotifyTest {
  private static final String RULES =
      """
        idle-timeout: 1s
      rules:
        - {when: vrfy, match: '^bye$', reply: 421 4.3.2 Going away}
        - {when: vrfy, match: '^close$', then: close}
        - {when: vrfy, match: '^drop$', fault: disconnect}
      """;
  private static final String STARTTLS =
      "server:\n  extensions: [PIPELINING, ENHANCEDSTATUSCODES, STARTTLS]\n" + RULES;
  private static final String IMPLICIT = "server:\n  tls: {implicit: true}\n" + RULES;

  @BeforeAll
  static void theClientIsStrict() {
    assertThat(Boolean.getBoolean("com.sun.net.ssl.requireCloseNotify"))
        .as("com.sun.net.ssl.requireCloseNotify=true in Surefire's system properties")
        .isTrue();
  }

  @ParameterizedTest(name = "{0} then {1}")
  @CsvSource({
    "starttls, QUIT, 221 2.0.0 Bye",
    "starttls, VRFY bye, 421 4.3.2 Going away",
    "starttls, VRFY close, 252 2.0.0 close",
    "starttls, VRFY drop, ",
    "starttls, , 421 4.4.2 smtpmock.test Error: timeout exceeded",
    "implicit, QUIT, 221 2.0.0 Bye",
    "implicit, VRFY bye, 421 4.3.2 Going away",
    "implicit, VRFY close, 252 2.0.0 close",
    "implicit, VRFY drop, ",
    "implicit, , 421 4.4.2 smtpmock.test Error: timeout exceeded"
  })
  void aCloseTheServerStartsEndsWithCloseNotify(String mode, String command, String reply)
      throws IOException {
    boolean implicit = mode.equals("implicit");
    try (SmtpMockServer smtp = serve(implicit ? IMPLICIT : STARTTLS);
        SSLSocket tls = implicit ? implicitTls(smtp) : startTls(smtp)) {
      BufferedReader in = reader(tls);
      if (implicit) {
        in.readLine(); // the greeting
      }
      if (command != null) {
        tls.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
      }
      // a clean end of stream: the close_notify came before the FIN
      assertThat(linesToTheEnd(in))
          .containsExactly(reply == null ? new String[0] : new String[] {reply});
    }
  }

  @Test
  void controlATcpCloseWithoutCloseNotifyIsAnSslException() throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      CompletableFuture<Void> closesRaw =
          CompletableFuture.runAsync(() -> greetAndCloseTheTcpConnection(server));
      try (SSLSocket client =
          (SSLSocket) clientFactory().createSocket("localhost", server.getLocalPort())) {
        BufferedReader in = reader(client);
        assertThat(in.readLine()).isEqualTo("220 hi");
        assertThatThrownBy(in::readLine).isInstanceOf(SSLException.class);
      }
      closesRaw.join();
    }
  }

  /** A TLS server that closes the TCP connection under its TLS socket: no close_notify. */
  private static void greetAndCloseTheTcpConnection(ServerSocket server) {
    try (Socket plain = server.accept()) {
      SSLSocket tls =
          (SSLSocket)
              TlsMaterial.serverContext("valid")
                  .getSocketFactory()
                  .createSocket(plain, null, plain.getPort(), false);
      tls.setUseClientMode(false);
      tls.getOutputStream().write("220 hi\r\n".getBytes(StandardCharsets.US_ASCII));
      tls.getOutputStream().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SSLSocketFactory clientFactory() {
    return TlsMaterial.clientContextTrustingCa().getSocketFactory();
  }

  private static SSLSocket implicitTls(SmtpMockServer smtp) throws IOException {
    SSLSocket tls = (SSLSocket) clientFactory().createSocket("localhost", smtp.port());
    tls.setSoTimeout(10_000);
    return tls;
  }

  private static SSLSocket startTls(SmtpMockServer smtp) throws IOException {
    Socket plain = new Socket("localhost", smtp.port());
    plain.setSoTimeout(10_000);
    BufferedReader in = reader(plain);
    in.readLine();
    plain.getOutputStream().write("STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(in.readLine()).isEqualTo("220 2.0.0 Ready to start TLS");
    SSLSocket tls = (SSLSocket) clientFactory().createSocket(plain, "localhost", smtp.port(), true);
    tls.startHandshake();
    return tls;
  }

  private static BufferedReader reader(Socket socket) throws IOException {
    return new BufferedReader(
        new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
  }

  private static List<String> linesToTheEnd(BufferedReader in) throws IOException {
    List<String> lines = new ArrayList<>();
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (SSLException e) {
      throw new AssertionError("no close_notify after " + lines, e);
    }
    return lines;
  }
}
