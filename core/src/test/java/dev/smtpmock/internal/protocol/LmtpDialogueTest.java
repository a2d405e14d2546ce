package dev.smtpmock.internal.protocol;

import static dev.smtpmock.testing.Servers.serve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.ReceivedMessage.Recipient;
import dev.smtpmock.ReceivedMessage.Status;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.scenario.InvalidScenarioException;
import dev.smtpmock.scenario.Scenario;
import dev.smtpmock.testing.SmtpDialogue;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** LMTP (RFC 2033, SPEC 8): LHLO, and one reply per accepted recipient at the end of the data. */
class LmtpDialogueTest {
  private static final String LMTP = "server: { protocol: lmtp }\n";

  /** MAIL, the RCPTs (each answered), DATA and its 354, then the data and its final dot. */
  private static void send(SmtpDialogue d, String... recipients) {
    d.send("MAIL FROM:<app@app.test>").expect("250 2.1.0 Ok");
    for (String recipient : recipients) {
      d.send("RCPT TO:<" + recipient + "> NOTIFY=NEVER").reply();
    }
    d.send("DATA").expect("354 End data with <CR><LF>.<CR><LF>");
    d.sendRaw("Subject: lmtp\r\n\r\nbody\r\n.\r\n");
  }

  private static SmtpDialogue greeted(SmtpMockServer smtp) {
    SmtpDialogue d = SmtpDialogue.connect(smtp.port());
    d.expect("220 smtpmock.test LMTP smtpmock");
    return d;
  }

  @Test
  void lhloIsAnsweredAsEhloWithPipeliningAndEnhancedCodesAlwaysAndHeloAndEhloAreUnknown() {
    try (SmtpMockServer smtp = serve("server: { protocol: lmtp, extensions: [SIZE] }\n");
        SmtpDialogue d = greeted(smtp)) {
      d.send("LHLO client.test")
          .expect(
              "250-smtpmock.test\r\n250-PIPELINING\r\n250-ENHANCEDSTATUSCODES\r\n250 SIZE 10485760");
      d.send("EHLO client.test").expect("500 5.5.2 Error: command not recognized");
      d.send("HELO client.test").expect("500 5.5.2 Error: command not recognized");
    }
  }

  @Test
  void anSmtpServerDoesNotKnowLhlo() {
    try (SmtpMockServer smtp = SmtpMockServer.start();
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.expect("220 smtpmock.test ESMTP smtpmock");
      d.send("LHLO client.test").expect("500 5.5.2 Error: command not recognized");
    }
  }

  @Test
  void eachAcceptedRecipientGetsItsOwnReplyInRcptOrder() {
    try (SmtpMockServer smtp =
            serve(
                LMTP
                    + "rules: [{ when: delivery, match: '<full@', reply: '452 4.2.2 <{recipient}>"
                    + " Mailbox is full' }]\n");
        SmtpDialogue d = greeted(smtp)) {
      d.send("LHLO client.test").reply();
      send(d, "a@dest.test", "full@dest.test", "b@dest.test");
      ReceivedMessage m = smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0);
      d.expect("250 2.0.0 <a@dest.test> " + m.id() + " Saved");
      d.expect("452 4.2.2 <full@dest.test> Mailbox is full");
      d.expect("250 2.0.0 <b@dest.test> " + m.id() + " Saved");
      d.send("QUIT").expect("221 2.0.0 Bye");

      assertThat(smtp.allMessages()).hasSize(1);
      assertThat(m.status()).isEqualTo(Status.ACCEPTED);
      assertThat(m.reply()).isEqualTo("250 2.0.0 <a@dest.test> " + m.id() + " Saved");
      assertThat(m.recipients())
          .extracting(Recipient::address, Recipient::status)
          .containsExactly(
              tuple("a@dest.test", Status.ACCEPTED),
              tuple("full@dest.test", Status.REJECTED),
              tuple("b@dest.test", Status.ACCEPTED));
      assertThat(m.recipients().get(1).reply())
          .isEqualTo("452 4.2.2 <full@dest.test> Mailbox is full");
    }
  }

  @Test
  void aMessageRuleAnswersEveryRecipientWithTheSameReply() {
    try (SmtpMockServer smtp =
            serve(LMTP + "rules: [{ when: message, reply: 554 5.6.0 Rejected for content }]\n");
        SmtpDialogue d = greeted(smtp)) {
      d.send("LHLO client.test").reply();
      send(d, "a@dest.test", "b@dest.test");
      d.expect("554 5.6.0 Rejected for content").expect("554 5.6.0 Rejected for content");
      d.send("NOOP").expect("250 2.0.0 Ok");
    }
  }

  @Test
  void aMessageAllOfWhoseRecipientsAreRefusedIsRejected() {
    try (SmtpMockServer smtp =
            serve(LMTP + "rules: [{ when: delivery, reply: 550 5.1.1 User unknown }]\n");
        SmtpDialogue d = greeted(smtp)) {
      d.send("LHLO client.test").reply();
      send(d, "a@dest.test", "b@dest.test");
      d.expect("550 5.1.1 User unknown").expect("550 5.1.1 User unknown");
      await().until(() -> smtp.allMessages().size() == 1);
      assertThat(smtp.allMessages().get(0).status()).isEqualTo(Status.REJECTED);
      assertThat(smtp.messages()).isEmpty();
    }
  }

  @Test
  void deliveriesCountInTheirScopeAndAFaultStrikesAtItsRecipientsTurn() {
    try (SmtpMockServer smtp =
            serve(LMTP + "rules: [{ when: delivery, nth: 2, delay: 50ms, fault: disconnect }]\n");
        SmtpDialogue d = greeted(smtp)) {
      d.send("LHLO client.test").reply();
      send(d, "a@dest.test", "b@dest.test", "c@dest.test");
      d.expectStart("250 2.0.0 <a@dest.test> ");
      assertThat(d.line()).isNull();
      await().until(() -> smtp.allMessages().size() == 1);
      ReceivedMessage m = smtp.allMessages().get(0);
      assertThat(m.status()).isEqualTo(Status.ACCEPTED);
      assertThat(m.recipients())
          .extracting(Recipient::status)
          .containsExactly(Status.ACCEPTED, Status.INCOMPLETE, Status.INCOMPLETE);
    }
  }

  @Test
  void aDelayedDeliveryKeepsTheRepliesInOrderAndThenClosesAfterItsOwn() {
    try (SmtpMockServer smtp =
            serve(
                LMTP
                    + "rules: [{ when: delivery, match: '<slow@', delay: 100ms, reply: 421 4.3.0"
                    + " Try later }]\n");
        SmtpDialogue d = greeted(smtp)) {
      d.send("LHLO client.test").reply();
      send(d, "a@dest.test", "slow@dest.test", "b@dest.test");
      d.expectStart("250 2.0.0 <a@dest.test> ");
      d.expect("421 4.3.0 Try later");
      assertThat(d.line()).isNull();
    }
  }

  @Test
  void bdatLastGetsOneReplyPerRecipient() {
    try (SmtpMockServer smtp = serve(LMTP);
        SmtpDialogue d = greeted(smtp)) {
      d.send("LHLO client.test").reply();
      d.send("MAIL FROM:<app@app.test>").reply();
      d.send("RCPT TO:<a@dest.test>").reply();
      d.send("RCPT TO:<b@dest.test>").reply();
      d.sendRaw("BDAT 5 LAST\r\nhello");
      String id = smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0).id();
      d.expect("250 2.0.0 <a@dest.test> " + id + " Saved");
      d.expect("250 2.0.0 <b@dest.test> " + id + " Saved");
    }
  }

  @Test
  void underSmtpEveryRecipientHasTheMessagesReplyAndStatus() {
    try (SmtpMockServer smtp = SmtpMockServer.start();
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("EHLO client.test").reply();
      d.send("MAIL FROM:<app@app.test>").reply();
      d.send("RCPT TO:<a@dest.test>").reply();
      d.send("RCPT TO:<b@dest.test>").reply();
      d.send("DATA").reply();
      d.sendRaw("x\r\n.\r\n").reply();
      ReceivedMessage m = smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0);
      assertThat(m.recipients())
          .allSatisfy(
              r -> {
                assertThat(r.reply()).isEqualTo(m.reply());
                assertThat(r.status()).isEqualTo(Status.ACCEPTED);
              });
    }
  }

  @Test
  void aDeliveryRuleOnAnSmtpServerIsALoadError() {
    assertThatThrownBy(
            () -> Scenario.parse("rules: [{ when: delivery, reply: 550 5.1.1 No }]\n", "t.yaml"))
        .isInstanceOf(InvalidScenarioException.class)
        .hasMessageContaining("t.yaml:1:11: error: when: delivery needs server.protocol: lmtp");
    assertThat(Scenario.parse(LMTP + "rules: [{ when: delivery, reply: 550 5.1.1 No }]\n", "t"))
        .isNotNull();
  }
}
