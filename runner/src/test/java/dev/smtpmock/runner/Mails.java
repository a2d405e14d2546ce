package dev.smtpmock.runner;

import dev.smtpmock.testing.Reply;
import dev.smtpmock.testing.SmtpDialogue;
import java.util.List;

/** The message the runner's tests send: From, To and Subject headers, then the body. */
final class Mails {
  private Mails() {}

  /** One whole session; the reply to the end of the data, or DATA's if it was refused. */
  static String send(int port, String from, List<String> to, String subject, String body) {
    String message =
        "From: "
            + from
            + "\r\nTo: "
            + String.join(", ", to)
            + "\r\nSubject: "
            + subject
            + "\r\n\r\n"
            + body;
    List<Reply> replies = SmtpDialogue.sendMail(port, from, to, message);
    return replies.get(replies.size() - 2).text(); // the last before QUIT's
  }
}
