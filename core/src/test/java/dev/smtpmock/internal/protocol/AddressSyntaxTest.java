package dev.smtpmock.internal.protocol;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.testing.SmtpDialogue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 18, item 4: an unquoted space between the words of an address, {@code VRFY <>} and {@code
 * VRFY a b} get Postfix's 501. Every reply here was recorded from Postfix 3.7.11's smtpd.
 */
class AddressSyntaxTest {
  private static SmtpMockServer smtp;

  @BeforeAll
  static void start() {
    smtp = SmtpMockServer.start();
  }

  @AfterAll
  static void stop() {
    smtp.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "<a b@x.test> | 501 5.1.7 Bad sender address syntax",
        "<a\tb@x.test> | 501 5.1.7 Bad sender address syntax",
        "<a@x.test b@x.test> | 501 5.1.7 Bad sender address syntax",
        "<@r.test:a b@x.test> | 501 5.1.7 Bad sender address syntax",
        "<\"a b\"@x.test> | 250 2.1.0 Ok",
        "<a\\ b@x.test> | 250 2.1.0 Ok",
        "<a @x.test> | 250 2.1.0 Ok",
        "a b@x.test | 555 5.5.4 Unsupported option: b@x.test"
      })
  void mail(String address, String reply) {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:" + address).expect(reply);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "<a b@y.test> | 501 5.1.3 Bad recipient address syntax",
        "<\"a b\"@y.test> | 250 2.1.5 Ok",
        "<b @y.test> | 250 2.1.5 Ok"
      })
  void rcpt(String address, String reply) {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<a@x.test>").expect("250 2.1.0 Ok");
      d.send("RCPT TO:" + address).expect(reply);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "VRFY <> | 501 5.1.3 Bad recipient address syntax",
        "VRFY a b | 501 5.1.3 Bad recipient address syntax",
        "VRFY <a b@x.test> | 501 5.1.3 Bad recipient address syntax",
        "VRFY a@x.test FOO | 501 5.1.3 Bad recipient address syntax",
        "VRFY \"a b\"@x.test | 252 2.0.0 \"a b\"@x.test",
        "VRFY <a@x.test> | 252 2.0.0 <a@x.test>",
        "VRFY a@x.test SMTPUTF8 | 252 2.0.0 a@x.test",
        "VRFY SMTPUTF8 | 501 5.5.4 Syntax: VRFY address [SMTPUTF8]"
      })
  void vrfy(String command, String reply) {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send(command).expect(reply);
    }
  }
}
