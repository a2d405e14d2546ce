package dev.smtpmock.internal.protocol;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.testing.SmtpDialogue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 18, item 1: the DSN parameters of RFC 3461 are checked as Postfix checks them. Every reply
 * here was recorded from Postfix 3.7.11's smtpd configured like smtpmock's defaults.
 */
class DsnParametersTest {
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
        "RET=FOO | 501 5.5.4 Bad RET parameter syntax",
        "RET= | 501 5.5.4 Bad RET parameter syntax",
        "RET=HDRS RET=FULL | 501 5.5.4 Bad RET parameter syntax",
        "RET | 555 5.5.4 Unsupported option: RET",
        "ENVID= | 501 5.5.4 Bad ENVID parameter syntax",
        "ENVID=a+zz | 501 5.5.4 Bad ENVID parameter syntax",
        "ENVID=a+2 | 501 5.5.4 Bad ENVID parameter syntax",
        "ENVID=a+09b | 501 5.5.4 Bad ENVID parameter syntax",
        "ENVID=abc ENVID=def | 501 5.5.4 Bad ENVID parameter syntax",
        "RET=FOO FOO=BAR | 501 5.5.4 Bad RET parameter syntax",
        "FOO=BAR RET=FOO | 555 5.5.4 Unsupported option: FOO=BAR",
        "ret=Full envid=x+2By | 250 2.1.0 Ok",
        "ENVID=a+20b | 250 2.1.0 Ok"
      })
  void mailParameters(String parameters, String reply) {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<a@x.test> " + parameters).expect(reply);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "NOTIFY=BOGUS | 501 5.5.4 Error: Bad NOTIFY parameter syntax",
        "NOTIFY=NEVER,SUCCESS | 501 5.5.4 Error: Bad NOTIFY parameter syntax",
        "NOTIFY= | 501 5.5.4 Error: Bad NOTIFY parameter syntax",
        "NOTIFY=success,bogus | 501 5.5.4 Error: Bad NOTIFY parameter syntax",
        "NOTIFY=SUCCESS NOTIFY=FAILURE | 501 5.5.4 Error: Bad NOTIFY parameter syntax",
        "NOTIFY | 555 5.5.4 Unsupported option: NOTIFY",
        "ORCPT=bogus | 501 5.5.4 Error: Bad ORCPT parameter syntax",
        "ORCPT=;b@y.test | 501 5.5.4 Error: Bad ORCPT parameter syntax",
        "ORCPT=rfc822;b+zz@y.test | 501 5.5.4 Error: Bad ORCPT parameter syntax",
        "ORCPT=rfc822;b+2 | 501 5.5.4 Error: Bad ORCPT parameter syntax",
        "ORCPT=rfc822;b@y.test ORCPT=rfc822;c@y.test | 501 5.5.4 Error: Bad ORCPT parameter syntax",
        "NOTIFY=NEVER ORCPT=rfc822;x@y.test NOTIFY=FAILURE"
            + " | 501 5.5.4 Error: Bad NOTIFY parameter syntax",
        "NOTIFY=SUCCESS,,DELAY | 250 2.1.5 Ok",
        "NOTIFY=never | 250 2.1.5 Ok",
        "NOTIFY=FAILURE,FAILURE | 250 2.1.5 Ok",
        "ORCPT=rfc822; | 250 2.1.5 Ok",
        "ORCPT=x-foo;b+2Bc@y.test | 250 2.1.5 Ok",
        "NOTIFY=success,delay ORCPT=RFC822;b@y.test | 250 2.1.5 Ok"
      })
  void rcptParameters(String parameters, String reply) {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<a@x.test>").expect("250 2.1.0 Ok");
      d.send("RCPT TO:<b@y.test> " + parameters).expect(reply);
    }
  }
}
