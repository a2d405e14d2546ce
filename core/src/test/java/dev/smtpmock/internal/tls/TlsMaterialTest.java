package dev.smtpmock.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TlsMaterialTest {

  private static final int TIMEOUT_MS = 5_000;
  private static final String CA_SUBJECT = "smtpmock test CA";

  @Test
  void validCertificatePassesWithTheTestCaAsOnlyTrustAnchor() throws Exception {
    Certificate[] chain = handshake(TlsMaterial.serverContext("valid"), "localhost");

    assertThat(chain).hasSize(2);
    X509Certificate leaf = (X509Certificate) chain[0];
    assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
    assertThat(leaf.getIssuerX500Principal().getName()).contains(CA_SUBJECT);
    assertThat(leaf.getNotAfter().toInstant()).isAfter(Instant.parse("2124-12-31T00:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "127.0.0.1", "::1", "smtpmock.test", "mx.example.test"})
  void validCertificateCoversEveryNameTheSpecPromises(String host) throws Exception {
    assertThat(handshake(TlsMaterial.serverContext("valid"), host)).hasSize(2);
  }

  @Test
  void expiredCertificateFailsTheHandshakeBecauseItHasExpired() {
    assertThatThrownBy(() -> handshake(TlsMaterial.serverContext("expired"), "localhost"))
        .isInstanceOf(SSLHandshakeException.class)
        .hasMessageContaining("validity check failed")
        .hasRootCauseInstanceOf(CertificateExpiredException.class);
  }

  @Test
  void wrongHostCertificateFailsBecauseNoSubjectAlternativeNameMatches() {
    assertThatThrownBy(() -> handshake(TlsMaterial.serverContext("wrong-host"), "localhost"))
        .isInstanceOf(SSLHandshakeException.class)
        .hasMessageContaining("No subject alternative DNS name matching localhost");
  }

  @Test
  void untrustedSelfSignedCertificateFailsBecauseNoPathLeadsToTheTestCa() {
    assertThatThrownBy(() -> handshake(TlsMaterial.serverContext("untrusted"), "localhost"))
        .isInstanceOf(SSLHandshakeException.class)
        .hasMessageContaining("PKIX path building failed");
  }

  @Test
  void trustStoreHoldsExactlyTheTestCa() throws Exception {
    KeyStore trustStore = TlsMaterial.trustStore();

    assertThat(Collections.list(trustStore.aliases())).containsExactly("smtpmock-test-ca");
    assertThat(trustStore.isCertificateEntry("smtpmock-test-ca")).isTrue();
    X509Certificate ca = (X509Certificate) trustStore.getCertificate("smtpmock-test-ca");
    assertThat(ca.getSubjectX500Principal().getName()).contains(CA_SUBJECT);
    assertThat(ca.getBasicConstraints()).isNotNegative();
  }

  @Test
  void trustStoreIsFreshOnEveryCallSoCallersMayAddToIt() throws Exception {
    KeyStore first = TlsMaterial.trustStore();
    first.deleteEntry("smtpmock-test-ca");

    assertThat(TlsMaterial.trustStore().size()).isEqualTo(1);
  }

  @Test
  void caCertificatePemIsTheTrustedCaInPemForm() throws Exception {
    String pem = TlsMaterial.caCertificatePem();

    assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----");
    Certificate parsed =
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    assertThat(parsed).isEqualTo(TlsMaterial.trustStore().getCertificate("smtpmock-test-ca"));
  }

  @Test
  void unknownBuiltInNameIsRejectedNamingTheAllowedOnes() {
    assertThatThrownBy(() -> TlsMaterial.serverContext("self-signed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("self-signed")
        .hasMessageContaining("valid, expired, wrong-host, untrusted");
  }

  @Test
  void builtInServerContextsAreLoadedOnce() {
    assertThat(TlsMaterial.serverContext("valid")).isSameAs(TlsMaterial.serverContext("valid"));
  }

  @Test
  void userKeystoreFileServesLikeTheBuiltInOne(@TempDir Path dir) throws Exception {
    Path keystore = copyResource("valid.p12", dir);

    SSLContext context = TlsMaterial.serverContext(keystore, "smtpmock".toCharArray());

    assertThat(handshake(context, "localhost")).hasSize(2);
  }

  @Test
  void userKeystoreWithWrongPasswordIsRejectedNamingThePath(@TempDir Path dir) throws Exception {
    Path keystore = copyResource("valid.p12", dir);

    assertThatThrownBy(() -> TlsMaterial.serverContext(keystore, "wrong".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(keystore.toString())
        .hasMessageContaining("password");
  }

  @Test
  void missingUserKeystoreIsRejectedNamingThePath(@TempDir Path dir) {
    Path keystore = dir.resolve("absent.p12");

    assertThatThrownBy(() -> TlsMaterial.serverContext(keystore, "smtpmock".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(keystore.toString())
        .hasMessageContaining("NoSuchFileException");
  }

  @Test
  void userKeystoreWithoutPrivateKeyIsRejectedBeforeAnyHandshake(@TempDir Path dir)
      throws Exception {
    Path keystore = dir.resolve("ca-only.p12");
    try (OutputStream out = Files.newOutputStream(keystore)) {
      TlsMaterial.trustStore().store(out, "smtpmock".toCharArray());
    }

    assertThatThrownBy(() -> TlsMaterial.serverContext(keystore, "smtpmock".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(keystore.toString())
        .hasMessageContaining("no private key");
  }

  /**
   * Serves one connection on 127.0.0.1 with {@code serverContext} and connects to it as a client
   * trusting only the test CA, verifying the server as {@code host} the way HTTPS clients do.
   * Returns the server's chain once a byte has crossed the connection.
   */
  private static Certificate[] handshake(SSLContext serverContext, String host) throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try (SSLServerSocket server =
        (SSLServerSocket)
            serverContext
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      server.setSoTimeout(TIMEOUT_MS);
      Future<?> serverSide = executor.submit(() -> serveOneByte(server));
      try {
        return connect(server.getLocalPort(), host);
      } finally {
        try {
          serverSide.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (Exception expectedWhenTheClientRejectsTheServer) {
          // The client side is what the tests judge.
        }
      }
    } finally {
      executor.shutdownNow();
    }
  }

  private static Void serveOneByte(SSLServerSocket server) throws Exception {
    try (SSLSocket socket = (SSLSocket) server.accept()) {
      socket.setSoTimeout(TIMEOUT_MS);
      socket.startHandshake();
      OutputStream out = socket.getOutputStream();
      out.write('2');
      out.flush();
      // Wait for the client to close, so the byte is not lost to a reset.
      socket.getInputStream().read();
    }
    return null;
  }

  private static Certificate[] connect(int port, String host) throws Exception {
    // Connect by address and verify by name: the names in the certificate need not resolve.
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), TIMEOUT_MS);
      plain.setSoTimeout(TIMEOUT_MS);
      try (SSLSocket tls =
          (SSLSocket)
              TlsMaterial.clientContextTrustingCa()
                  .getSocketFactory()
                  .createSocket(plain, host, port, true)) {
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        InputStream in = tls.getInputStream();
        assertThat(in.read()).isEqualTo('2');
        return tls.getSession().getPeerCertificates();
      }
    }
  }

  private static Path copyResource(String name, Path dir) throws Exception {
    Path target = dir.resolve(name);
    try (InputStream in = TlsMaterial.class.getResourceAsStream("/dev/smtpmock/tls/" + name)) {
      Files.copy(in, target);
    }
    return target;
  }
}
