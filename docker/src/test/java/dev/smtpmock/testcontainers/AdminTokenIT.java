package dev.smtpmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** withAdminToken guards the admin API; the container's client sends the token, /health is open. */
@RequiresSmtpMockImage
@Testcontainers
class AdminTokenIT {

  @Container
  static SmtpMockContainer smtp =
      new SmtpMockContainer(SmtpMockImage.IMAGE).withAdminToken("s3cret-token");

  @Test
  void theContainersClientSendsTheToken() throws Exception {
    Mail.to(smtp).send("app@example.test", "alice@example.test", "guarded", "x");

    assertThat(smtp.client().messages()).extracting(m -> m.subject()).containsExactly("guarded");
    assertThat(smtp.getCaCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
  }

  @Test
  void aClientWithoutTheTokenIsRefused() {
    SmtpMockClient stranger = SmtpMockClient.create(smtp.getAdminUrl());

    assertThatThrownBy(stranger::messages)
        .isInstanceOfSatisfying(
            SmtpMockClientException.class, e -> assertThat(e.status()).isEqualTo(401))
        .hasMessageContaining("unauthorized");
    assertThat(stranger.withToken("s3cret-token").messages()).isNotNull();
  }
}
