package dev.smtpmock.internal.protocol;

import static dev.smtpmock.testing.Servers.serve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.testing.SmtpDialogue;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each action of SPEC 2.6 on the wire: drip, then, hang, tls-failure, 421 closing. */
class ActionsDialogueTest {
  private static final String TLS_FAILURE =
      "server: {extensions: [ENHANCEDSTATUSCODES, STARTTLS]}\n"
          + "rules: [{when: starttls, fault: tls-failure}]";

  @Test
  void dripWritesTheReplyOneByteAtATime() {
    try (SmtpMockServer smtp = serve("rules: [{when: noop, drip: 50ms}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      long start = System.nanoTime();
      d.send("NOOP").expect("250 2.0.0 Ok");
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(50L * ("250 2.0.0 Ok\r\n".length() - 1)));
      d.send("NOOP").expect("250 2.0.0 Ok");
    }
  }

  @Test
  void thenCloseWritesTheReplyAndCloses() {
    try (SmtpMockServer smtp =
            serve("rules: [{when: mail, reply: 451 4.3.0 Try later, then: close}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<a@b.test>").expect("451 4.3.0 Try later");
      assertThat(d.closedHow()).isEqualTo(SmtpDialogue.Closed.FIN);
    }
  }

  @Test
  void thenResetWritesTheReplyAndAbortsWithRst() {
    try (SmtpMockServer smtp =
            serve("rules: [{when: mail, reply: 451 4.3.0 Try later, then: reset}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<a@b.test>").expect("451 4.3.0 Try later");
      assertThat(d.closedHow()).isEqualTo(SmtpDialogue.Closed.RESET);
    }
  }

  @Test
  void a421ClosesUnlessThenSaysOtherwise() {
    try (SmtpMockServer smtp =
        serve(
            """
                rules:
                  - {when: noop, nth: 1, reply: 421 4.7.0 Going away, then: hang}
                  - {when: rset, reply: 421 4.7.0 Going away}
                """)) {
      try (SmtpDialogue d = SmtpDialogue.connect(smtp.port(), Duration.ofMillis(800))) {
        d.reply();
        d.send("NOOP").expect("421 4.7.0 Going away");
        assertThat(d.closedHow()).isEqualTo(SmtpDialogue.Closed.OPEN);
      }
      try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
        d.reply();
        d.send("RSET").expect("421 4.7.0 Going away");
        assertThat(d.closedHow()).isEqualTo(SmtpDialogue.Closed.FIN);
      }
    }
  }

  @Test
  void aHangAnswersNothingAndClosesSilentlyAfterTheIdleTimeout() {
    try (SmtpMockServer smtp =
            serve("server: {idle-timeout: 1s}\nrules: [{when: rcpt, fault: hang}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port(), Duration.ofSeconds(3))) {
      d.reply();
      d.send("MAIL FROM:<a@b.test>").reply();
      d.send("RCPT TO:<c@d.test>");
      long start = System.nanoTime();
      assertThat(d.readToEnd()).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(800));
      await().until(() -> smtp.sessions().get(0).end() == SmtpSession.End.FAULT);
    }
  }

  @Test
  void tlsFailureWritesReadyThenResetsAtTheFirstTlsRecord() {
    try (SmtpMockServer smtp = serve(TLS_FAILURE);
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("STARTTLS").expect("220 2.0.0 Ready to start TLS");
      d.sendRaw(new byte[] {0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5});
      assertThat(d.closedHow()).isEqualTo(SmtpDialogue.Closed.RESET);
      assertThat(smtp.sessions().get(0).lines())
          .extracting(SmtpSession.Line::text)
          .containsSubsequence("220 2.0.0 Ready to start TLS", "(fault: tls-failure)");
    }
  }

  @Test
  void tlsFailureWaitsForTheWholeFirstRecord() {
    try (SmtpMockServer smtp = serve(TLS_FAILURE);
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("STARTTLS").expect("220 2.0.0 Ready to start TLS");
      d.sendRaw(new byte[] {0x16, 0x03, 0x01, 0x00, 0x05, 1, 2});

      await()
          .during(Duration.ofMillis(300))
          .atMost(Duration.ofSeconds(2))
          .until(() -> smtp.sessions().get(0).end() == null);
      d.sendRaw(new byte[] {3, 4, 5});
      assertThat(d.closedHow()).isEqualTo(SmtpDialogue.Closed.RESET);
      await()
          .untilAsserted(
              () ->
                  assertThat(smtp.sessions().get(0).lines())
                      .extracting(SmtpSession.Line::text)
                      .endsWith("(TLS record received: connection reset)"));
    }
  }

  @Test
  void starttlsDiscardsPlaintextPipelinedAfterIt() {
    try (SmtpMockServer smtp = serve("server: {extensions: [ENHANCEDSTATUSCODES, STARTTLS]}");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.sendRaw("STARTTLS\r\nNOOP\r\n").expect("220 2.0.0 Ready to start TLS");
      await()
          .until(
              () ->
                  smtp.sessions().get(0).lines().stream()
                      .anyMatch(l -> l.text().equals("(6 bytes of plaintext discarded)")));
    }
  }

  @Test
  void aDelayRangeIsDrawnFromTheSeededSource() {
    try (SmtpMockServer smtp =
            serve("server: {seed: 7}\nrules: [{when: noop, delay: 100ms..300ms}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      long start = System.nanoTime();
      d.send("NOOP").expect("250 2.0.0 Ok");
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(took).isBetween(Duration.ofMillis(100), Duration.ofMillis(2000));
    }
  }

  @Test
  void theFiredRuleIsNamedInTheTranscriptWithItsPosition() {
    try (SmtpMockServer smtp = serve("rules:\n  - when: noop\n    reply: 250 2.0.0 Fine\n");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("NOOP").expect("250 2.0.0 Fine");
      SmtpSession.Line line = smtp.sessions().get(0).lines().get(2);
      assertThat(line.rule()).isEqualTo(new SmtpSession.RuleRef("rule 1", "test.yaml", 2, 5));
    }
  }
}
