package dev.smtpmock.internal.protocol;

import static dev.smtpmock.testing.Servers.serve;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.testing.SmtpDialogue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** AUTH exchanges (RFC 4954) over a raw socket. */
class AuthDialogueTest {
  private static final String USERS = "server: {auth: {users: {alice: secret}}}";

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void plainWithAnInitialResponseAuthenticatesTheUser() {
    try (SmtpMockServer smtp = serve(USERS);
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("AUTH PLAIN " + b64("\0alice\0wrong"))
          .expect("535 5.7.8 Error: authentication failed: authentication failure");
      d.send("AUTH PLAIN " + b64("\0alice\0secret")).expect("235 2.7.0 Authentication successful");
      d.send("AUTH PLAIN " + b64("\0alice\0secret"))
          .expect("503 5.5.1 Error: already authenticated");
      d.send("QUIT").reply();
      d.closedHow();
      org.awaitility.Awaitility.await().until(() -> !smtp.sessions().get(0).isOpen());
      assertThat(smtp.sessions().get(0).user()).isEqualTo("alice");
    }
  }

  @Test
  void loginAsksForUsernameThenPassword() {
    try (SmtpMockServer smtp = serve(USERS);
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("AUTH LOGIN").expect("334 VXNlcm5hbWU6");
      d.send(b64("alice")).expect("334 UGFzc3dvcmQ6");
      d.send(b64("secret")).expect("235 2.7.0 Authentication successful");
    }
  }

  @Test
  void cramMd5ChecksTheDigestOfTheChallenge() throws Exception {
    try (SmtpMockServer smtp = serve(USERS);
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("AUTH CRAM-MD5");
      String challengeLine = d.reply().text();
      assertThat(challengeLine).startsWith("334 ");
      String challenge =
          new String(
              Base64.getDecoder().decode(challengeLine.substring(4)), StandardCharsets.US_ASCII);
      assertThat(challenge).matches("<.+@smtpmock\\.test>");
      Mac mac = Mac.getInstance("HmacMD5");
      mac.init(new SecretKeySpec("secret".getBytes(StandardCharsets.UTF_8), "HmacMD5"));
      String digest =
          java.util.HexFormat.of()
              .formatHex(mac.doFinal(challenge.getBytes(StandardCharsets.US_ASCII)));
      d.send(b64("alice " + digest)).expect("235 2.7.0 Authentication successful");
    }
  }

  @Test
  void xoauth2TakesTheTokenAsPassword() {
    try (SmtpMockServer smtp = serve(USERS);
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("AUTH XOAUTH2 " + b64("user=alice\u0001auth=Bearer secret\u0001\u0001"))
          .expect("235 2.7.0 Authentication successful");
    }
  }

  @Test
  void withNoUsersAnyCredentialsPass() {
    try (SmtpMockServer smtp = SmtpMockServer.start();
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("AUTH PLAIN").expect("334 ");
      d.send(b64("\0bob\0anything")).expect("235 2.7.0 Authentication successful");
    }
  }

  @Test
  void abortsUnknownMechanismsAndBadBase64GetPostfixReplies() {
    try (SmtpMockServer smtp = SmtpMockServer.start();
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("AUTH").expect("501 5.5.4 Syntax: AUTH mechanism");
      d.send("AUTH GSSAPI")
          .expect("535 5.7.8 Error: authentication failed: Invalid authentication mechanism");
      d.send("AUTH LOGIN").expect("334 VXNlcm5hbWU6");
      d.send("*").expect("501 5.7.0 Authentication aborted");
      d.send("AUTH PLAIN").expect("334 ");
      d.send("!!!").expect("501 5.5.2 Cannot decode response");
      d.send("MAIL FROM:<a@b.test>").reply();
      d.send("AUTH PLAIN").expect("503 5.5.1 Error: MAIL transaction in progress");
    }
  }

  @Test
  void authRulesSeeTheCompletedExchangeAndItsMechanism() {
    try (SmtpMockServer smtp =
            serve(
                "rules: [{when: auth, match: ^LOGIN$, reply: 535 5.7.8 Username and Password not accepted}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("AUTH LOGIN").expect("334 VXNlcm5hbWU6");
      d.send(b64("alice")).expect("334 UGFzc3dvcmQ6");
      d.send(b64("secret")).expect("535 5.7.8 Username and Password not accepted");
      d.send("AUTH PLAIN " + b64("\0a\0b")).expect("235 2.7.0 Authentication successful");
    }
  }
}
