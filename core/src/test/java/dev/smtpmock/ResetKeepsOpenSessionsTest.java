package dev.smtpmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.smtpmock.testing.SmtpDialogue;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 8: a session open during {@code reset()} stays listed with its number and its
 * transcript from the reset on, and the messages it sends later name it (SPEC 4.1).
 */
class ResetKeepsOpenSessionsTest {
  @Test
  void aSessionOpenAcrossTheResetKeepsItsLaterTranscriptAndNamesItsMessages() {
    try (SmtpMockServer smtp = SmtpMockServer.start()) {
      try (SmtpDialogue before = SmtpDialogue.connect(smtp.port())) {
        before.reply();
      }
      await().until(() -> !smtp.sessions().get(0).isOpen());
      goOnAcrossTheReset(smtp);
    }
  }

  private static void goOnAcrossTheReset(SmtpMockServer smtp) {
    try (SmtpDialogue open = SmtpDialogue.connect(smtp.port())) {
      open.reply();
      open.send("EHLO before.test").reply();
      String id = smtp.sessions().get(1).id();

      smtp.reset();

      open.send("MAIL FROM:<a@x.test>").expect("250 2.1.0 Ok");
      open.send("RCPT TO:<b@y.test>").expect("250 2.1.5 Ok");
      open.send("DATA").reply();
      open.sendRaw("Subject: after\r\n\r\nbody\r\n.\r\n").expectStart("250 2.0.0 Ok: queued as");
      ReceivedMessage message = smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0);

      assertThat(smtp.sessions()).extracting(SmtpSession::id).containsExactly(id);
      SmtpSession session = smtp.sessions().get(0);
      assertThat(session.connection()).isEqualTo(2);
      assertThat(session.transcript())
          .doesNotContain("EHLO before.test")
          .startsWith("C: MAIL FROM:<a@x.test>\nS: 250 2.1.0 Ok");
      assertThat(message.sessionId()).isEqualTo(id);
      assertThat(message.connection()).isEqualTo(2);
      try (SmtpDialogue after = SmtpDialogue.connect(smtp.port())) {
        after.reply();
      }
      assertThat(smtp.sessions()).extracting(SmtpSession::connection).containsExactly(2, 1);
    }
  }
}
