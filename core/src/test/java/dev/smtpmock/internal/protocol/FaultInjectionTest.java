package dev.smtpmock.internal.protocol;

import static dev.smtpmock.testing.Servers.serve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.testing.SmtpDialogue;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The failures a scenario dictates reach the client exactly as written (SPEC 2.6). */
class FaultInjectionTest {

  @Test
  void aConnectRuleAnswers421InsteadOfTheGreetingAndCloses() {
    try (SmtpMockServer smtp =
            serve("rules: [{when: connect, reply: 421 4.3.2 Down for maintenance}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.expect("421 4.3.2 Down for maintenance");
      assertThat(d.closedHow()).isEqualTo(SmtpDialogue.Closed.FIN);
    }
  }

  @Test
  void theThirdRecipientOfATransactionGets452() {
    try (SmtpMockServer smtp =
            serve(
                """
                rules:
                  - name: third
                    when: rcpt
                    nth: 3
                    per: transaction
                    reply: 452 4.5.3 Too many recipients
                """);
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<a@b.test>").reply();
      d.send("RCPT TO:<1@d.test>").expect("250 2.1.5 Ok");
      d.send("RCPT TO:<2@d.test>").expect("250 2.1.5 Ok");
      d.send("RCPT TO:<3@d.test>").expect("452 4.5.3 Too many recipients");
      d.send("RCPT TO:<4@d.test>").expect("250 2.1.5 Ok");
      d.send("DATA").reply();
      d.sendRaw("Subject: x\r\n\r\nbody\r\n.\r\n").expectStart("250 ");
      ReceivedMessage message = smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0);
      assertThat(message.recipientAddresses()).containsExactly("1@d.test", "2@d.test", "4@d.test");
      d.send("MAIL FROM:<a@b.test>").reply();
      d.send("RCPT TO:<1@d.test>").reply();
      d.send("RCPT TO:<2@d.test>").reply();
      d.send("RCPT TO:<3@d.test>").expect("452 4.5.3 Too many recipients");
      SmtpSession session = smtp.sessions().get(0);
      assertThat(session.lines())
          .filteredOn(line -> line.rule() != null)
          .extracting(line -> line.rule().name() + "@" + line.rule().line())
          .containsExactly("third@2", "third@2");
    }
  }

  @Test
  void aMessageRuleRejectsTheDataWith554AndTheMessageIsStoredRejected() {
    try (SmtpMockServer smtp =
            serve("rules: [{when: message, reply: 554 5.7.1 Message rejected as spam}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<a@b.test>").reply();
      d.send("RCPT TO:<c@d.test>").reply();
      d.send("DATA").expect("354 End data with <CR><LF>.<CR><LF>");
      d.sendRaw("Subject: x\r\n\r\nbody\r\n.\r\n").expect("554 5.7.1 Message rejected as spam");
      d.send("NOOP").expect("250 2.0.0 Ok");
      assertThat(smtp.messages()).isEmpty();
      assertThat(smtp.allMessages())
          .singleElement()
          .satisfies(m -> assertThat(m.status()).isEqualTo(ReceivedMessage.Status.REJECTED));
      assertThat(smtp.stats().rejected()).isEqualTo(1);
    }
  }

  @Test
  void keyedGreylistingDefersEachSenderOnceServerWide() {
    try (SmtpMockServer smtp =
        serve(
            """
            rules:
              - name: greylist
                when: rcpt
                nth: 1
                per: server
                key: [client, sender, recipient]
                reply: 451 4.7.1 Greylisted, please retry in 5 minutes
            """)) {
      for (String sender : new String[] {"one@b.test", "two@b.test"}) {
        for (String expected :
            new String[] {"451 4.7.1 Greylisted, please retry in 5 minutes", "250 2.1.5 Ok"}) {
          try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
            d.reply();
            d.send("MAIL FROM:<" + sender + ">").reply();
            d.send("RCPT TO:<c@d.test>").expect(expected);
          }
        }
      }
    }
  }

  @Test
  void aDelayedReplyMakesAClientWithAShortTimeoutFail() {
    try (SmtpMockServer smtp = serve("rules: [{when: mail, delay: 3s}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port(), Duration.ofSeconds(1))) {
      d.reply();
      d.send("MAIL FROM:<a@b.test>");
      assertThat(d.closedHow()).isEqualTo(SmtpDialogue.Closed.OPEN);
    }
  }

  @Test
  void aDropAfter1024BytesLeavesTheMessageIncompleteAndTheRuleInTheTranscript() {
    try (SmtpMockServer smtp =
            serve("rules: [{name: drop, when: message, after-bytes: 1024, fault: disconnect}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<a@b.test>").reply();
      d.send("RCPT TO:<c@d.test>").reply();
      d.send("DATA").reply();
      StringBuilder body = new StringBuilder("Subject: big\r\n\r\n");
      while (body.length() < 64 * 1024) {
        body.append("0123456789012345678901234567890123456789012345678901234567890123456789\r\n");
      }
      try {
        d.sendRaw(body + ".\r\n");
      } catch (java.io.UncheckedIOException peerClosed) {
        // the server may close while the body is still being written
      }
      assertThat(d.closedHow()).isNotEqualTo(SmtpDialogue.Closed.OPEN);
      await().until(() -> !smtp.allMessages().isEmpty());
      ReceivedMessage message = smtp.allMessages().get(0);
      assertThat(message.status()).isEqualTo(ReceivedMessage.Status.INCOMPLETE);
      assertThat(message.size()).isLessThanOrEqualTo(1024);
      assertThat(smtp.messages()).isEmpty();
      await().until(() -> !smtp.sessions().get(0).isOpen());
      SmtpSession session = smtp.sessions().get(0);
      assertThat(session.end()).isEqualTo(SmtpSession.End.FAULT);
      assertThat(session.lines())
          .anySatisfy(
              line -> {
                assertThat(line.text()).isEqualTo("(fault: disconnect)");
                assertThat(line.rule().name()).isEqualTo("drop");
              });
    }
  }

  @Test
  void pipelinedRepliesComeInOrderAndTheDelayedOneNoEarlierThanItsDelay() {
    try (SmtpMockServer smtp = serve("rules: [{when: rcpt, nth: 1, delay: 500ms}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      long sent = System.nanoTime();
      d.sendRaw("MAIL FROM:<a@b.test>\r\nRCPT TO:<c@d.test>\r\nRCPT TO:<e@d.test>\r\nNOOP\r\n");
      d.expect("250 2.1.0 Ok");
      d.expect("250 2.1.5 Ok");
      assertThat(Duration.ofNanos(System.nanoTime() - sent))
          .isGreaterThanOrEqualTo(Duration.ofMillis(500));
      d.expect("250 2.1.5 Ok");
      d.expect("250 2.0.0 Ok");
    }
  }

  @Test
  void aFaultOnTheThirdPipelinedCommandStillFlushesTheFirstTwoReplies() {
    try (SmtpMockServer smtp = serve("rules: [{when: any, nth: 3, fault: reset}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.sendRaw("NOOP\r\nNOOP\r\nNOOP\r\nNOOP\r\n");
      d.expect("250 2.0.0 Ok");
      d.expect("250 2.0.0 Ok");
      assertThat(d.closedHow()).isEqualTo(SmtpDialogue.Closed.RESET);
    }
  }

  @Test
  void rawBytesAreWrittenExactlyAndThenHangStopsAnswering() {
    try (SmtpMockServer smtp =
            serve("rules: [{when: ehlo, raw: \"250-half a reply\\r\\n\", then: hang}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port(), Duration.ofSeconds(1))) {
      d.reply();
      d.send("EHLO me");
      assertThat(d.line()).isEqualTo("250-half a reply");
      assertThat(d.closedHow()).isEqualTo(SmtpDialogue.Closed.OPEN);
    }
  }

  @Test
  void placeholdersAreFilledFromTheSession() {
    try (SmtpMockServer smtp =
            serve(
                "rules: [{when: rcpt, reply: \"550 5.1.1 <{recipient}>: unknown, from {sender}"
                    + " via {hostname} {{ok}}\"}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<a@b.test>").reply();
      d.send("RCPT TO:<c@d.test>")
          .expect("550 5.1.1 <c@d.test>: unknown, from a@b.test via smtpmock.test {ok}");
    }
  }

  @Test
  void theIdleTimeoutAnswers421AndCloses() {
    try (SmtpMockServer smtp = serve("server: {idle-timeout: 1s}");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.expect("421 4.4.2 smtpmock.test Error: timeout exceeded");
      assertThat(d.closedHow()).isEqualTo(SmtpDialogue.Closed.FIN);
      await().until(() -> smtp.sessions().get(0).end() == SmtpSession.End.IDLE_TIMEOUT);
    }
  }

  @Test
  void afterBytesCountsBdatPayloadAcrossChunks() {
    try (SmtpMockServer smtp =
            serve("rules: [{when: message, after-bytes: 15, reply: 451 4.3.0 Cut, then: close}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<a@b.test>").reply();
      d.send("RCPT TO:<c@d.test>").reply();
      d.sendRaw("BDAT 10\r\n0123456789").expect("250 2.0.0 Ok: 10 bytes");
      d.sendRaw("BDAT 10 LAST\r\n0123456789").expect("451 4.3.0 Cut");
      assertThat(d.closedHow()).isEqualTo(SmtpDialogue.Closed.FIN);
      await().until(() -> !smtp.allMessages().isEmpty());
      assertThat(smtp.allMessages().get(0).status()).isEqualTo(ReceivedMessage.Status.INCOMPLETE);
      assertThat(smtp.allMessages().get(0).dataAsString()).isEqualTo("012345678901234");
    }
  }
}
