package dev.smtpmock.reliability;

import static dev.smtpmock.testing.Servers.serve;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.testing.SmtpDialogue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The socket-level regression test of SmtpConnectionFuzzTest's first finding (FUZZING.md; its
 * inputs are the {@code crash-*} files of that target): a bare CR that a client put in a command
 * was echoed into the reply, so the reply stream was no longer lines of {@code DDD[- ]text CRLF},
 * and a client that ends lines at a bare CR (Java's {@code BufferedReader.readLine()}, Jakarta
 * Mail's {@code LineInputStream}) read one reply as two and lost its place in a pipeline.
 */
class BareCrEchoTest {

  /** The fuzz finding, minimized: {@code VRFY ab<CR>ot}. */
  @Test
  void aBareCrInAVrfyArgumentIsNotEchoedIntoTheReply() {
    try (SmtpMockServer smtp = SmtpMockServer.start();
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.sendRaw("VRFY ab\rot\r\nQUIT\r\n");
      assertWellFormedAndAnswered(d.readToEnd());
    }
  }

  /** The same echo through {@code 555 5.5.4 Unsupported option: <arg>}. */
  @Test
  void aBareCrInAMailParameterIsNotEchoedIntoTheReply() {
    try (SmtpMockServer smtp = SmtpMockServer.start();
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.sendRaw("MAIL FROM:<a@b.test> X\r250=1\r\nQUIT\r\n");
      assertWellFormedAndAnswered(d.readToEnd());
    }
  }

  /** The same echo through a rule's {@code {recipient}} placeholder. */
  @Test
  void aBareCrInARecipientIsNotEchoedThroughAPlaceholder() {
    try (SmtpMockServer smtp =
            serve("rules: [{when: rcpt, reply: \"450 4.2.0 <{recipient}>: Greylisted\"}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.sendRaw("MAIL FROM:<a@b.test>\r\nRCPT TO:<c\r250 2.1.5 Ok@d.test>\r\nQUIT\r\n");
      assertWellFormedAndAnswered(d.readToEnd());
    }
  }

  /** CR and LF only as CRLF line ends, and the session went on to answer QUIT. */
  private static void assertWellFormedAndAnswered(byte[] replies) {
    String text = new String(replies, StandardCharsets.ISO_8859_1);
    String shown = text.replace("\r", "<CR>").replace("\n", "<LF>");
    assertThat(text.replace("\r\n", "")).as(shown).doesNotContain("\r").doesNotContain("\n");
    assertThat(text).as(shown).endsWith("221 2.0.0 Bye\r\n");
  }
}
