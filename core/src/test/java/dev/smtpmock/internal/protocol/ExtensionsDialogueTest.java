package dev.smtpmock.internal.protocol;

import static dev.smtpmock.testing.Servers.serve;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.testing.SmtpDialogue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BDAT, SIZE, DSN, SMTPUTF8 and the extension switch, over a raw socket (SPEC 2.1, 3). */
class ExtensionsDialogueTest {

  private static void envelope(SmtpDialogue d) {
    d.reply();
    d.send("EHLO client.test").reply();
    d.send("MAIL FROM:<a@b.test>").expect("250 2.1.0 Ok");
    d.send("RCPT TO:<c@d.test>").expect("250 2.1.5 Ok");
  }

  @Test
  void bdatChunksAreJoinedAndTheLastOneQueuesTheMessage() {
    try (SmtpMockServer smtp = SmtpMockServer.start();
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      envelope(d);
      d.sendRaw("BDAT 10\r\nSubject: a");
      d.expect("250 2.0.0 Ok: 10 bytes");
      d.sendRaw("BDAT 8 LAST\r\n\r\n\r\nbody");
      String reply = d.reply().text();
      assertThat(reply).matches("250 2\\.0\\.0 Ok: 18 bytes queued as [0-9A-F]{12}");
      ReceivedMessage message = smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0);
      assertThat(message.dataAsString()).isEqualTo("Subject: a\r\n\r\nbody");
      assertThat(reply).endsWith(message.id());
    }
  }

  @Test
  void mailRcptAndDataAmidChunksGet503AndLoseNoChunk() {
    try (SmtpMockServer smtp = SmtpMockServer.start();
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      envelope(d);
      d.sendRaw("BDAT 4\r\nabc\n").expect("250 2.0.0 Ok: 4 bytes");
      d.send("DATA").expect("503 5.5.1 Error: DATA after BDAT");
      d.send("RCPT TO:<e@f.test>").expect("503 5.5.1 Error: RCPT after BDAT");
      // as Postfix 3.7.11 answers (recorded): within a transaction, nesting comes first
      d.send("MAIL FROM:<g@h.test>").expect("503 5.5.1 Error: nested MAIL command");
      d.sendRaw("BDAT 3 LAST\r\nxyz").expectStart("250 2.0.0 Ok: 7 bytes queued as ");

      ReceivedMessage message = smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0);
      assertThat(message.dataAsString()).isEqualTo("abc\nxyz");
      assertThat(message.recipientAddresses()).containsExactly("c@d.test");
    }
  }

  @Test
  void aDeclaredSizeOverTheLimitGets552AndActualDataOverItToo() {
    try (SmtpMockServer smtp = serve("server: {max-message-size: 100B}");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("EHLO client.test")
          .expectStart("250-smtpmock.test\r\n250-PIPELINING\r\n250-SIZE 100\r\n");
      d.send("MAIL FROM:<a@b.test> SIZE=101").expect("552 5.3.4 Message size exceeds fixed limit");
      d.send("MAIL FROM:<a@b.test> SIZE=100").expect("250 2.1.0 Ok");
      d.send("RCPT TO:<c@d.test>").reply();
      d.send("DATA").reply();
      d.sendRaw("x".repeat(300) + "\r\n.\r\n").expect("552 5.3.4 Error: message file too big");
      assertThat(smtp.allMessages())
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.status()).isEqualTo(ReceivedMessage.Status.REJECTED);
                assertThat(m.size()).isEqualTo(302);
                assertThat(m.truncated()).isTrue();
              });
    }
  }

  @Test
  void aRuleThatAcceptsAnOversizedMessageStoresItTruncated() {
    try (SmtpMockServer smtp =
            serve(
                "server: {max-message-size: 10B}\nrules: [{when: message, reply: 250 2.0.0 Ok}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      envelope(d);
      d.send("DATA").reply();
      d.sendRaw("0123456789abcdef\r\n.\r\n").expect("250 2.0.0 Ok");
      ReceivedMessage message = smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0);
      assertThat(message.truncated()).isTrue();
      assertThat(message.dataAsString()).isEqualTo("0123456789");
      assertThat(message.size()).isEqualTo(18);
    }
  }

  @Test
  void dsnParametersAreRecorded() {
    try (SmtpMockServer smtp = SmtpMockServer.start();
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<a@b.test> RET=HDRS ENVID=abc123 SIZE=20 BODY=8BITMIME")
          .expect("250 2.1.0 Ok");
      d.send("RCPT TO:<c@d.test> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;c@d.test")
          .expect("250 2.1.5 Ok");
      d.send("DATA").reply();
      d.sendRaw("Subject: dsn\r\n\r\nx\r\n.\r\n").expectStart("250 ");
      ReceivedMessage message = smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0);
      assertThat(message.senderParameters())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("RET", "HDRS", "ENVID", "abc123", "SIZE", "20", "BODY", "8BITMIME"));
      assertThat(message.recipients().get(0).parameters())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("NOTIFY", "SUCCESS,FAILURE", "ORCPT", "rfc822;c@d.test"));
    }
  }

  @Test
  void nonAsciiAddressesNeedTheSmtputf8Parameter() {
    try (SmtpMockServer smtp = SmtpMockServer.start();
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<jösé@b.test>").expect("553 5.6.7 Non-ASCII addresses are not permitted");
      d.send("MAIL FROM:<jösé@b.test> SMTPUTF8").expect("250 2.1.0 Ok");
      d.send("RCPT TO:<ñ@d.test>").expect("250 2.1.5 Ok");
      d.send("DATA").reply();
      d.sendRaw("Subject: \u00fc\r\n\r\nx\r\n.\r\n".getBytes(StandardCharsets.UTF_8))
          .expectStart("250 ");
      ReceivedMessage message = smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0);
      assertThat(message.sender()).isEqualTo("jösé@b.test");
      assertThat(message.recipientAddresses()).containsExactly("ñ@d.test");
      assertThat(message.subject()).isEqualTo("ü");
    }
  }

  @Test
  void anExtensionLeftOutIsNeitherAdvertisedNorAccepted() {
    try (SmtpMockServer smtp = serve("server: {extensions: [PIPELINING, 8BITMIME]}");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("EHLO client.test").expect("250-smtpmock.test\r\n250-PIPELINING\r\n250 8BITMIME");
      d.send("MAIL FROM:<a@b.test> SIZE=10").expect("555 Unsupported option: SIZE=10");
      d.send("AUTH PLAIN").expect("503 Error: authentication not enabled");
      d.send("MAIL FROM:<a@b.test>").expect("250 Ok");
      d.send("RCPT TO:<c@d.test> NOTIFY=NEVER").expect("555 Unsupported option: NOTIFY=NEVER");
      d.send("RCPT TO:<c@d.test>").expect("250 Ok");
      d.sendRaw("BDAT 3 LAST\r\nabc").expect("502 Error: command not implemented");
    }
  }

  @Test
  void tooManyRecipientsGet452AndTheMessageStillGoesToTheOthers() {
    try (SmtpMockServer smtp = serve("server: {max-recipients: 2}");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<a@b.test>").reply();
      d.send("RCPT TO:<1@d.test>").expect("250 2.1.5 Ok");
      d.send("RCPT TO:<2@d.test>").expect("250 2.1.5 Ok");
      d.send("RCPT TO:<3@d.test>").expect("452 4.5.3 Error: too many recipients");
      d.send("DATA").reply();
      d.sendRaw("x\r\n.\r\n").expectStart("250 ");
      assertThat(smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0).recipientAddresses())
          .containsExactly("1@d.test", "2@d.test");
    }
  }

  @Test
  void authRequiredAndTlsRequiredArePolicyThatRulesCanOverride() {
    try (SmtpMockServer smtp =
            serve(
                """
                server: {auth: {required: true}, tls: {required: true}}
                rules: [{when: mail, match: "vip@", reply: 250 2.1.0 Ok}]
                """);
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<a@b.test>").expect("530 5.7.0 Must issue a STARTTLS command first");
      d.send("MAIL FROM:<vip@b.test>").expect("250 2.1.0 Ok");
    }
  }
}
