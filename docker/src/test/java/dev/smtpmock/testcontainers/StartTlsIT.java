package dev.smtpmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpmock.testcontainers.SmtpMockClient.Session;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** A client that trusts only the container's test CA completes STARTTLS. */
@RequiresSmtpMockImage
@Testcontainers
class StartTlsIT {

  @Container
  static SmtpMockContainer smtp =
      new SmtpMockContainer(SmtpMockImage.IMAGE)
          .withScenario(
              """
              server:
                extensions: [PIPELINING, SIZE, 8BITMIME, ENHANCEDSTATUSCODES, STARTTLS]
                tls: { required: true }
              """);

  @Test
  void aClientTrustingOnlyTheTestCaCompletesStartTls() throws Exception {
    // trust-the-test-ca {
    SSLSocketFactory sockets = trustOnly(smtp.getCaCertificatePem());
    // }
    Mail.to(smtp).startTls(sockets).send("app@example.test", "alice@example.test", "tls", "x");

    Session session = smtp.client().sessions().get(smtp.client().sessions().size() - 1);
    assertThat(session.tls()).isNotNull();
    assertThat(session.tls().protocol()).startsWith("TLSv1.");
    assertThat(session.tls().cipher()).isNotBlank();
    assertThat(session.commands()).contains("STARTTLS");
    assertThat(smtp.client().messages()).extracting(m -> m.subject()).contains("tls");
  }

  @Test
  void aClientThatDoesNotTrustTheTestCaRefusesTheCertificate() throws Exception {
    SSLSocketFactory defaults = SSLContext.getDefault().getSocketFactory();

    assertThatThrownBy(
            () ->
                Mail.to(smtp)
                    .startTls(defaults)
                    .send("app@example.test", "alice@example.test", "tls", "x"))
        .hasStackTraceContaining("PKIX path building failed");
  }

  @Test
  void theCaIsAPemCertificate() {
    assertThat(smtp.getCaCertificatePem())
        .startsWith("-----BEGIN CERTIFICATE-----")
        .contains("-----END CERTIFICATE-----");
  }

  /** An SSLSocketFactory whose only trust anchor is this PEM certificate. */
  static SSLSocketFactory trustOnly(String pem) throws Exception {
    Certificate ca =
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
    trustStore.load(null, null);
    trustStore.setCertificateEntry("smtpmock-test-ca", ca);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trustStore);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context.getSocketFactory();
  }
}
