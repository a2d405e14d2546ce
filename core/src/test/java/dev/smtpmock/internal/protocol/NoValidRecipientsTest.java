package dev.smtpmock.internal.protocol;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.testing.SmtpDialogue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 3: DATA or BDAT after a MAIL with no accepted recipient gets 554, with none sent
 * as with every one refused; without MAIL, 503. Recorded from Postfix 3.7.11's smtpd.
 */
class NoValidRecipientsTest {
  private static SmtpMockServer smtp;

  @BeforeAll
  static void start() {
    smtp = SmtpMockServer.start();
  }

  @AfterAll
  static void stop() {
    smtp.close();
  }

  @Test
  void dataAfterMailWithNoRcptGets554() {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<a@x.test>").expect("250 2.1.0 Ok");
      d.send("DATA").expect("554 5.5.1 Error: no valid recipients");
      d.send("BDAT 1 LAST").sendRaw("x").expect("554 5.5.1 Error: no valid recipients");
    }
  }

  @Test
  void dataWithoutMailGets503NeedRcpt() {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("DATA").expect("503 5.5.1 Error: need RCPT command");
      d.send("BDAT 1 LAST").sendRaw("x").expect("503 5.5.1 Error: need RCPT command");
    }
  }
}
