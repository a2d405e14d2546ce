package dev.smtpmock.interop;

import static dev.smtpmock.testing.Servers.serve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.internal.tls.TlsMaterial;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real client, Jakarta Mail (Angus), against the server: plain, STARTTLS and implicit TLS, each
 * AUTH mechanism it speaks, and the built-in certificates with a trust store of only the test CA.
 */
class JakartaMailInteropTest {

  private static Properties properties(String protocol, SmtpMockServer smtp) {
    String p = "mail." + protocol + ".";
    Properties props = new Properties();
    props.put(p + "host", "localhost");
    props.put(p + "port", String.valueOf(smtp.port()));
    props.put(p + "connectiontimeout", "5000");
    props.put(p + "timeout", "5000");
    props.put(p + "writetimeout", "5000");
    props.put(p + "ssl.socketFactory", TlsMaterial.clientContextTrustingCa().getSocketFactory());
    props.put(p + "ssl.checkserveridentity", "true");
    return props;
  }

  private static void send(String protocol, Properties props, String user, String password)
      throws MessagingException {
    Session session = Session.getInstance(props);
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress("app@example.test"));
    message.setRecipients(Message.RecipientType.TO, "user@example.test");
    message.setSubject("Welcome");
    message.setText("Hello from the test.");
    try (Transport transport = session.getTransport(protocol)) {
      if (user != null) {
        transport.connect(user, password);
      } else {
        transport.connect();
      }
      transport.sendMessage(message, message.getAllRecipients());
    }
  }

  @Test
  void plainDeliveryIsCaptured() throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start()) {
      send("smtp", properties("smtp", smtp), null, null);
      ReceivedMessage message = smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0);
      assertThat(message.sender()).isEqualTo("app@example.test");
      assertThat(message.recipientAddresses()).containsExactly("user@example.test");
      assertThat(message.subject()).isEqualTo("Welcome");
      assertThat(message.body()).contains("Hello from the test.");
    }
  }

  @Test
  void starttlsWithTheValidCertificateCompletes() throws Exception {
    try (SmtpMockServer smtp =
        serve("server: {extensions: [PIPELINING, SIZE, 8BITMIME, STARTTLS, AUTH]}")) {
      Properties props = properties("smtp", smtp);
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
      send("smtp", props, null, null);
      smtp.awaitMessages(1, Duration.ofSeconds(5));
      SmtpSession session = smtp.sessions().get(0);
      assertThat(session.tlsProtocol()).startsWith("TLSv1.");
      assertThat(session.commands()).contains("STARTTLS");
    }
  }

  @Test
  void implicitTlsWithTheValidCertificateCompletes() throws Exception {
    try (SmtpMockServer smtp = serve("server: {tls: {implicit: true}}")) {
      send("smtps", properties("smtps", smtp), null, null);
      smtp.awaitMessages(1, Duration.ofSeconds(5));
      assertThat(smtp.sessions().get(0).tlsCipher()).isNotBlank();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"PLAIN", "LOGIN", "XOAUTH2"})
  void eachAuthMechanismAuthenticates(String mechanism) throws Exception {
    try (SmtpMockServer smtp = serve("server: {auth: {required: true, users: {alice: s3cret}}}")) {
      Properties props = properties("smtp", smtp);
      props.put("mail.smtp.auth", "true");
      props.put("mail.smtp.auth.mechanisms", mechanism);
      if (mechanism.equals("XOAUTH2")) {
        props.put("mail.smtp.auth.xoauth2.disable", "false");
      }
      send("smtp", props, "alice", "s3cret");
      smtp.awaitMessages(1, Duration.ofSeconds(5));
      assertThat(smtp.sessions().get(0).user()).isEqualTo("alice");
    }
  }

  @Test
  void wrongCredentialsFailWith535() {
    try (SmtpMockServer smtp = serve("server: {auth: {required: true, users: {alice: s3cret}}}")) {
      Properties props = properties("smtp", smtp);
      props.put("mail.smtp.auth", "true");
      assertThatThrownBy(() -> send("smtp", props, "alice", "wrong"))
          .hasMessageContaining("535 5.7.8");
    }
  }

  @Test
  void aTlsFailureAtConnectFailsTheImplicitHandshakeAndARetryDelivers() throws Exception {
    try (SmtpMockServer smtp =
        serve(
            "server: {tls: {implicit: true}}\n"
                + "rules: [{when: connect, per: server, nth: 1, fault: tls-failure}]")) {
      assertThatThrownBy(() -> send("smtps", properties("smtps", smtp), null, null))
          .isInstanceOf(MessagingException.class);
      send("smtps", properties("smtps", smtp), null, null);
      assertThat(smtp.awaitMessages(1, Duration.ofSeconds(5))).hasSize(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"expired", "wrong-host", "untrusted"})
  void aBadCertificateFailsTheHandshake(String certificate) {
    try (SmtpMockServer smtp =
        serve("server: {tls: {implicit: true, certificate: " + certificate + "}}")) {
      assertThatThrownBy(() -> send("smtps", properties("smtps", smtp), null, null))
          .isInstanceOf(MessagingException.class)
          .hasStackTraceContaining("SSLHandshakeException");
      assertThat(smtp.messages()).isEmpty();
    }
  }
}
