package dev.smtpmock.spring;

import dev.smtpmock.SmtpMockServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** The properties that point a context's mail settings at a server. */
final class SmtpMockProperties {
  /** The name of the SSL bundle that trusts the test CA. */
  static final String SSL_BUNDLE = "smtpmock";

  private SmtpMockProperties() {}

  /**
   * Puts host and port, and the trust of the test CA, ahead of every other property source: the
   * test's server wins over a {@code spring.mail.host} in {@code application.properties}.
   *
   * <p>The trust is an SSL bundle holding the test CA alone, which Boot's mail auto-configuration
   * turns into the socket factory of {@code JavaMailSender} for SMTPS and STARTTLS alike: the
   * built-in {@code valid} certificate is trusted, {@code expired}, {@code wrong-host} and {@code
   * untrusted} fail as they would in production. ({@code mail.smtp.ssl.trust} would not do: it
   * trusts a host whatever certificate it shows.) It is set for every scenario, TLS or not, so that
   * a method's {@link SmtpMockScenario} with STARTTLS is trusted too; a plaintext session never
   * uses it.
   */
  static void addFirst(
      ConfigurableEnvironment environment,
      String name,
      SmtpMockServer server,
      String hostProperty,
      String portProperty) {
    Map<String, Object> properties = new LinkedHashMap<>();
    if (!hostProperty.isEmpty()) {
      properties.put(hostProperty, server.host());
    }
    if (!portProperty.isEmpty()) {
      properties.put(portProperty, server.port());
    }
    properties.put(
        "spring.ssl.bundle.pem." + SSL_BUNDLE + ".truststore.certificate",
        server.caCertificatePem());
    properties.put("spring.mail.ssl.bundle", SSL_BUNDLE);
    environment.getPropertySources().addFirst(new MapPropertySource(name, properties));
  }
}
