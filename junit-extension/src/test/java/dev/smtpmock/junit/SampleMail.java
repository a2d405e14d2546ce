package dev.smtpmock.junit;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.testing.Reply;
import dev.smtpmock.testing.SmtpDialogue;
import java.util.List;

/** The message the samples send: subject "sample", body "Hello.". */
final class SampleMail {
  private SampleMail() {}

  /** One whole session; the replies from EHLO's to QUIT's. */
  static List<Reply> send(SmtpMockServer smtp, String from, String... to) {
    return SmtpDialogue.sendMail(smtp.port(), from, List.of(to), "Subject: sample\r\n\r\nHello.");
  }
}
