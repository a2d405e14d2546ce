package dev.smtpmock.internal.protocol;

import static dev.smtpmock.testing.Servers.serve;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.testing.SmtpDialogue;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 2: after a 554 greeting every command but QUIT gets 503, nothing is accepted, and
 * no rule sees those commands (RFC 5321 section 3.1, SPEC 2.3 and 3).
 */
class NoSmtpServiceTest {
  private static final String NO_SERVICE = "503 5.5.1 Error: no SMTP service";

  @Test
  void everyCommandButQuitGets503AndNothingIsStored() {
    try (SmtpMockServer smtp =
            serve(
                "rules:\n"
                    + "  - {when: connect, reply: 554 5.7.1 No SMTP service here}\n"
                    + "  - {when: [ehlo, mail, noop, unknown], reply: 250 seen by a rule}\n");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.expect("554 5.7.1 No SMTP service here");
      d.send("EHLO client.test").expect(NO_SERVICE);
      d.send("MAIL FROM:<a@x.test>").expect(NO_SERVICE);
      d.send("RCPT TO:<b@y.test>").expect(NO_SERVICE);
      d.send("DATA").expect(NO_SERVICE);
      d.send("Subject: not a message").expect(NO_SERVICE);
      d.send(".").expect(NO_SERVICE);
      d.send("NOOP").expect(NO_SERVICE);
      d.send("AUTH PLAIN AGEAYg==").expect(NO_SERVICE);
      d.send("STARTTLS").expect(NO_SERVICE);
      d.send("BDAT 1 LAST").sendRaw("x").expect(NO_SERVICE);
      d.send("QUIT").expect("221 2.0.0 Bye");
      assertThat(d.closedHow()).isEqualTo(SmtpDialogue.Closed.FIN);
      assertThat(smtp.allMessages()).isEmpty();
      assertThat(smtp.stats().rules().get(1).fired()).isZero();
    }
  }

  @Test
  void aGreetingOtherThan554LetsTheSessionGoOn() {
    try (SmtpMockServer smtp = serve("rules: [{when: connect, reply: 220 mx.test ESMTP}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.expect("220 mx.test ESMTP");
      d.send("NOOP").expect("250 2.0.0 Ok");
    }
  }
}
