package dev.smtpmock.internal.protocol;

import static dev.smtpmock.testing.Servers.serve;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.testing.SmtpDialogue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each matcher of SPEC 2.4 over a raw socket, beyond those the other dialogue tests show. */
class MatchersDialogueTest {

  private static void message(SmtpDialogue d, String data) {
    d.send("MAIL FROM:<a@b.test>").expect("250 2.1.0 Ok");
    d.send("RCPT TO:<c@d.test>").expect("250 2.1.5 Ok");
    d.send("DATA").expectStart("354 ");
    d.sendRaw(data + "\r\n.\r\n");
  }

  @Test
  void afterMatchesEveryOccurrenceAfterTheFirstN() {
    try (SmtpMockServer smtp = serve("rules: [{when: noop, after: 2, reply: 250 2.0.0 Late}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("NOOP").expect("250 2.0.0 Ok");
      d.send("NOOP").expect("250 2.0.0 Ok");
      d.send("NOOP").expect("250 2.0.0 Late");
      d.send("NOOP").expect("250 2.0.0 Late");
    }
  }

  @Test
  void timesStopsARuleAfterItFiredThatOften() {
    try (SmtpMockServer smtp = serve("rules: [{when: noop, times: 2, reply: 451 4.3.0 Busy}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("NOOP").expect("451 4.3.0 Busy");
      d.send("NOOP").expect("451 4.3.0 Busy");
      d.send("NOOP").expect("250 2.0.0 Ok");
    }
  }

  @Test
  void headerBodyAndMinSizeLookInsideTheMessage() {
    try (SmtpMockServer smtp =
            serve(
                """
                rules:
                  - {when: message, header: {X-Spam-Flag: "^yes$"}, reply: 550 5.7.1 Spam}
                  - {when: message, body: "viagra", reply: 554 5.7.1 Content}
                  - {when: message, min-size: 1KB, reply: 552 5.3.4 Too big}
                """);
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      message(d, "x-spam-flag: YES\r\nSubject: a\r\n\r\nhello");
      d.expect("550 5.7.1 Spam");
      message(d, "Subject: b\r\n\r\nbuy VIAGRA now");
      d.expect("554 5.7.1 Content");
      message(d, "Subject: c\r\n\r\n" + "x".repeat(1024));
      d.expect("552 5.3.4 Too big");
      message(d, "Subject: d\r\n\r\nfine");
      d.expectStart("250 2.0.0 Ok: queued as ");
    }
  }

  @Test
  void tlsAndAuthenticatedMatchTheSessionState() {
    String plain = Base64.getEncoder().encodeToString("\0u\0p".getBytes(StandardCharsets.US_ASCII));
    try (SmtpMockServer smtp =
            serve(
                """
                rules:
                  - {when: mail, tls: false, authenticated: false, reply: 530 5.7.0 Who are you}
                """);
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<a@b.test>").expect("530 5.7.0 Who are you");
      d.send("AUTH PLAIN " + plain).expect("235 2.7.0 Authentication successful");
      d.send("MAIL FROM:<a@b.test>").expect("250 2.1.0 Ok");
    }
  }

  @Test
  void rateFiresWhenTheWindowHoldsMoreThanN() {
    try (SmtpMockServer smtp =
            serve("rules: [{when: noop, rate: 2/1m, reply: 421 4.7.0 Slow down, then: hang}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("NOOP").expect("250 2.0.0 Ok");
      d.send("NOOP").expect("250 2.0.0 Ok");
      d.send("NOOP").expect("421 4.7.0 Slow down");
    }
  }

  @Test
  void probabilityDrawsRepeatForTheSameSeedAndConnectionNumbers() {
    String yaml =
        "server: {seed: 99}\nrules: [{when: noop, probability: 0.5, reply: 250 2.0.0 Hit}]";
    List<String> first = noops(yaml);
    List<String> second = noops(yaml);
    assertThat(first).isEqualTo(second).contains("250 2.0.0 Hit", "250 2.0.0 Ok");
  }

  private static List<String> noops(String yaml) {
    List<String> replies = new ArrayList<>();
    try (SmtpMockServer smtp = serve(yaml)) {
      for (int connection = 0; connection < 3; connection++) {
        try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
          d.reply();
          for (int i = 0; i < 10; i++) {
            replies.add(d.command("NOOP").text());
          }
        }
      }
    }
    return replies;
  }

  @Test
  void aListOfEventsCountsThemTogether() {
    try (SmtpMockServer smtp =
            serve("rules: [{when: [noop, rset], nth: 3, reply: 250 2.0.0 Third}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("NOOP").expect("250 2.0.0 Ok");
      d.send("RSET").expect("250 2.0.0 Ok");
      d.send("NOOP").expect("250 2.0.0 Third");
    }
  }

  @Test
  void syntaxAndSequenceFailuresAreSeenByNoRule() {
    try (SmtpMockServer smtp = serve("rules: [{when: rcpt, nth: 1, reply: 550 5.1.1 First}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("RCPT TO:<c@d.test>").expect("503 5.5.1 Error: need MAIL command");
      d.send("MAIL FROM:<a@b.test>").reply();
      d.send("RCPT TO:<c@d.test").expect("501 5.1.3 Bad recipient address syntax");
      d.send("RCPT TO:<c@d.test>").expect("550 5.1.1 First");
    }
  }
}
