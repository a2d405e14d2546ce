package dev.smtpmock.scenarios;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.scenario.Scenario;
import dev.smtpmock.testing.SmtpDialogue;
import org.junit.jupiter.api.Test;

/**
 * {@code lmtp-mailbox-locked}: the locked mailbox's first delivery gets 451 4.2.0, its retry 250.
 */
class LmtpMailboxLockedScenarioTest {
  @Test
  void theLockedMailboxIsDeferredOnceAndItsRetryAloneIsDelivered() {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("lmtp-mailbox-locked"))) {
      try (SmtpDialogue d = deliver(smtp, "alice@dest.test", "locked.user@dest.test")) {
        d.expectStart("250 2.0.0 <alice@dest.test> ");
        d.expect("451 4.2.0 <locked.user@dest.test> Timeout while waiting for lock");
      }
      // a careful client retries the deferred recipient alone, on a new connection
      try (SmtpDialogue d = deliver(smtp, "locked.user@dest.test")) {
        d.expectStart("250 2.0.0 <locked.user@dest.test> ");
      }
    }
  }

  /** A whole LMTP transaction up to the data's final dot; the per-recipient replies follow. */
  private static SmtpDialogue deliver(SmtpMockServer smtp, String... recipients) {
    SmtpDialogue d = SmtpDialogue.connect(smtp.port());
    d.expectCode(220);
    d.send("LHLO mta.test").expectCode(250);
    d.send("MAIL FROM:<app@app.test>").expectCode(250);
    for (String recipient : recipients) {
      d.send("RCPT TO:<" + recipient + ">").expectCode(250);
    }
    d.send("DATA").expectCode(354);
    d.sendRaw("Subject: mail\r\n\r\nbody\r\n.\r\n");
    return d;
  }
}
