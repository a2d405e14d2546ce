package dev.smtpmock.internal.protocol;

import static dev.smtpmock.testing.Servers.serve;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.testing.SmtpDialogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 18, item 5: BDAT with a bad size gets 521 and a close, since the chunk's end is unknown;
 * the chunks after a refused one are read and discarded with 551 up to the last. The replies and
 * the sequence replies amid the discarded chunks were recorded from Postfix 3.7.11's smtpd.
 */
class BdatErrorsTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"BDAT x", "BDAT", "BDAT -1", "BDAT 1 FOO", "BDAT 1 LAST x"})
  void aBadSizeGets521AndAClose(String command) {
    try (SmtpMockServer smtp = SmtpMockServer.start();
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.sendRaw(command + "\r\nNOOP\r\n");
      d.expect("521 5.5.4 Syntax: BDAT count [LAST]");
      assertThat(d.closedHow()).isEqualTo(SmtpDialogue.Closed.FIN);
    }
  }

  @Test
  void chunksAfterARefusedOneAreDiscardedWith551UpToTheLast() {
    try (SmtpMockServer smtp = SmtpMockServer.start();
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<a@x.test>").expect("250 2.1.0 Ok");
      d.send("BDAT 3").sendRaw("abc").expect("554 5.5.1 Error: no valid recipients");
      d.send("MAIL FROM:<a@x.test>").expect("503 5.5.1 Error: nested MAIL command");
      d.send("RCPT TO:<b@y.test>").expect("503 5.5.1 Error: RCPT after BDAT");
      d.send("DATA").expect("503 5.5.1 Error: DATA after BDAT");
      d.send("BDAT 2").sendRaw("ab").expect("551 5.0.0 Discarded 2 bytes after earlier error");
      d.send("BDAT 4 LAST")
          .sendRaw("abcd")
          .expect("551 5.0.0 Discarded 4 bytes after earlier error");
      d.send("MAIL FROM:<a@x.test>").expect("250 2.1.0 Ok");
      assertThat(smtp.allMessages()).isEmpty();
    }
  }

  @Test
  void withoutATransactionMailIsRefusedUntilTheLastChunk() {
    try (SmtpMockServer smtp = SmtpMockServer.start();
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("BDAT 3").sendRaw("abc").expect("503 5.5.1 Error: need RCPT command");
      d.send("MAIL FROM:<a@x.test>").expect("503 5.5.1 Error: MAIL after BDAT");
      d.send("BDAT 2 LAST").sendRaw("ab").expect("551 5.0.0 Discarded 2 bytes after earlier error");
      d.send("MAIL FROM:<a@x.test>").expect("250 2.1.0 Ok");
    }
  }

  @Test
  void aLastChunkRefusedForItsSequenceEndsTheTransaction() {
    try (SmtpMockServer smtp = SmtpMockServer.start();
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<a@x.test>").expect("250 2.1.0 Ok");
      d.send("BDAT 1 LAST").sendRaw("x").expect("554 5.5.1 Error: no valid recipients");
      d.send("RCPT TO:<b@y.test>").expect("503 5.5.1 Error: need MAIL command");
    }
  }

  @Test
  void pipelinedChunksAfterAChunkARuleRefusedGet551() {
    try (SmtpMockServer smtp =
            serve("rules: [{when: bdat, nth: 1, reply: 452 4.3.1 Insufficient system storage}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<a@x.test>").expect("250 2.1.0 Ok");
      d.send("RCPT TO:<b@y.test>").expect("250 2.1.5 Ok");
      d.sendRaw("BDAT 5\r\nHELLOBDAT 5 LAST\r\nWORLDNOOP\r\n");
      d.expect("452 4.3.1 Insufficient system storage");
      d.expect("551 5.0.0 Discarded 5 bytes after earlier error");
      d.expect("250 2.0.0 Ok");
      assertThat(smtp.allMessages()).isEmpty();
    }
  }

  @Test
  void anAcceptedChunkMakesMailNestedAsInPostfix() {
    try (SmtpMockServer smtp = SmtpMockServer.start();
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<a@x.test>").expect("250 2.1.0 Ok");
      d.send("RCPT TO:<b@y.test>").expect("250 2.1.5 Ok");
      d.send("BDAT 3").sendRaw("abc").expect("250 2.0.0 Ok: 3 bytes");
      d.send("MAIL FROM:<a@x.test>").expect("503 5.5.1 Error: nested MAIL command");
      d.send("RSET").expect("250 2.0.0 Ok");
      d.send("BDAT 3").sendRaw("abc").expect("503 5.5.1 Error: need RCPT command");
      d.send("RCPT TO:<c@y.test>").expect("503 5.5.1 Error: need MAIL command");
      d.send("DATA").expect("503 5.5.1 Error: DATA after BDAT");
      d.send("MAIL FROM:<a@x.test>").expect("503 5.5.1 Error: MAIL after BDAT");
    }
  }
}
