package dev.smtpmock.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.testing.SmtpDialogue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Nothing a client sends crashes the server or loses a message (SPEC 7). */
class BadInputTest {
  private SmtpMockServer smtp;

  @BeforeEach
  void start() {
    smtp = SmtpMockServer.start();
  }

  @AfterEach
  void stop() {
    smtp.close();
  }

  private void stillServes() {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("NOOP").expect("250 2.0.0 Ok");
    }
  }

  @Test
  void aTenThousandByteCommandLineGets500AndTheSessionGoesOn() {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("NOOP " + "x".repeat(10_000)).expect("500 5.5.2 Error: line too long");
      d.send("NOOP").expect("250 2.0.0 Ok");
    }
  }

  @Test
  void aLineOfExactlyTheLimitIsAccepted() {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("NOOP " + "x".repeat(2048 - 7)).expect("250 2.0.0 Ok");
      d.send("NOOP " + "x".repeat(2048 - 6)).expect("500 5.5.2 Error: line too long");
    }
  }

  @Test
  void nulAndInvalidUtf8Get500() {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.sendRaw("NOOP a\0b\r\n").expect("500 5.5.2 Error: bad syntax");
      d.sendRaw(new byte[] {'N', 'O', 'O', 'P', ' ', (byte) 0xFF, (byte) 0xFE, '\r', '\n'})
          .expect("500 5.5.2 Error: bad UTF-8 syntax");
      d.send("NOOP").expect("250 2.0.0 Ok");
    }
  }

  @Test
  void aBareCrInsideACommandGets500SoThatItIsNeverEchoedIntoAReply() {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.sendRaw("VRFY ab\rcd\r\n").expect("500 5.5.2 Error: bad syntax");
      d.sendRaw("MAIL FROM:<a@b.test> X\r250=1\r\n").expect("500 5.5.2 Error: bad syntax");
      d.send("NOOP").expect("250 2.0.0 Ok");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "HELO",
        "EHLO",
        "MAIL FROM:",
        "RCPT TO:",
        "DATA",
        "BDAT",
        "RSET",
        "NOOP",
        "VRFY",
        "EXPN",
        "HELP",
        "QUIT",
        "STARTTLS",
        "AUTH",
        "XUNKNOWN"
      })
  void nulInvalidUtf8AndEightBitBytesInAnyCommandGetAReplyAndTheSessionGoesOn(String verb) {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.sendRaw(verb + " <a\0b>\r\n").expect("500 5.5.2 Error: bad syntax");
      byte[] invalid = (verb + " <a\u00ff>\r\n").getBytes(StandardCharsets.ISO_8859_1);
      d.sendRaw(invalid).expect("500 5.5.2 Error: bad UTF-8 syntax");
      d.sendRaw((verb + " <j\u00f6@b.test>\r\n").getBytes(StandardCharsets.UTF_8));
      assertThat(d.reply().text()).matches("(?s)[2-5][0-5][0-9][ -].*");
      // QUIT ends the session; BDAT without a size leaves the chunk's end unknown (521, SPEC 3)
      if (verb.equals("QUIT") || verb.equals("BDAT")) {
        assertThat(d.closedHow()).isEqualTo(SmtpDialogue.Closed.FIN);
      } else {
        d.send("NOOP").expect("250 2.0.0 Ok");
      }
    }
  }

  @Test
  void bareLfEndsACommandLine() {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.sendRaw("NOOP\n").expect("250 2.0.0 Ok");
    }
  }

  @Test
  void randomGarbageGetsRepliesOrACleanCloseAndTheServerGoesOn() {
    Random random = new Random(42);
    for (int round = 0; round < 20; round++) {
      byte[] garbage = new byte[5_000];
      random.nextBytes(garbage);
      try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
        d.reply();
        d.sendRaw(garbage);
        d.sendRaw("\r\nQUIT\r\n");
        d.readToEnd();
      } catch (java.io.UncheckedIOException closedWhileWriting) {
        // a close mid-write is a clean outcome too
      }
    }
    stillServes();
  }

  @Test
  void aClientThatVanishesMidDataLeavesAnIncompleteMessageNeverAnAcceptedOne() {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<a@b.test>").reply();
      d.send("RCPT TO:<c@d.test>").reply();
      d.send("DATA").reply();
      d.sendRaw("Subject: half\r\n\r\nsome of the body");
    }
    await().until(() -> !smtp.allMessages().isEmpty());
    ReceivedMessage message = smtp.allMessages().get(0);
    assertThat(message.status()).isEqualTo(ReceivedMessage.Status.INCOMPLETE);
    assertThat(message.dataAsString()).isEqualTo("Subject: half\r\n\r\nsome of the body");
    assertThat(smtp.messages()).isEmpty();
    assertThat(smtp.stats().incomplete()).isEqualTo(1);
  }

  @Test
  void aThousandConcurrentConnectionsAreEachServed() {
    List<SmtpDialogue> dialogues = new ArrayList<>();
    try {
      for (int i = 0; i < 1000; i++) {
        dialogues.add(SmtpDialogue.connect(smtp.port()));
      }
      for (SmtpDialogue d : dialogues) {
        d.expect("220 smtpmock.test ESMTP smtpmock");
        d.send("MAIL FROM:<a@b.test>\r\nRCPT TO:<c@d.test>\r\nDATA");
      }
      for (SmtpDialogue d : dialogues) {
        d.expect("250 2.1.0 Ok").expect("250 2.1.5 Ok").expectStart("354 ");
        d.sendRaw("Subject: many\r\n\r\nx\r\n.\r\nQUIT\r\n");
      }
      for (SmtpDialogue d : dialogues) {
        d.expectStart("250 2.0.0 Ok: queued as ").expect("221 2.0.0 Bye");
      }
    } finally {
      dialogues.forEach(SmtpDialogue::close);
    }
    assertThat(smtp.awaitMessages(1000, Duration.ofSeconds(10))).hasSize(1000);
    assertThat(smtp.messages()).extracting(ReceivedMessage::id).doesNotHaveDuplicates();
    assertThat(smtp.stats().connections()).isEqualTo(1000);
    stillServes();
  }
}
