package dev.smtpmock.interop;

import static dev.smtpmock.testing.Servers.serve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.ReceivedMessage.Recipient;
import dev.smtpmock.ReceivedMessage.Status;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.testing.PrivatePostfix;
import dev.smtpmock.testing.SmtpDialogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real LMTP clients against an LMTP server that refuses one mailbox (SPEC 8): Postfix's lmtp
 * delivery agent, which logs each recipient's outcome and retries only the deferred one, and
 * Python's smtplib.LMTP.
 */
class LmtpClientsIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String SCENARIO =
      """
      server: { protocol: lmtp, hostname: mailstore.test }
      rules:
        - when: delivery
          match: "<full@"
          reply: "552 5.2.2 <{recipient}> Mailbox is full"
      """;

  @Test
  void postfixRetriesOnlyTheRecipientThatWasDeferred(@TempDir Path dir)
      throws InterruptedException {
    try (SmtpMockServer smtp =
            serve(
                """
                server: { protocol: lmtp }
                rules:
                  - when: delivery
                    match: "<full@"
                    times: 1
                    reply: "452 4.2.2 <{recipient}> Quota exceeded (mailbox for user is full)"
                """);
        PrivatePostfix postfix =
            PrivatePostfix.start(
                dir, Map.of("default_transport", "lmtp:inet:127.0.0.1:" + smtp.port()))) {
      submit(postfix.smtpdPort(), List.of("alice@dest.test", "full@dest.test", "bob@dest.test"));

      postfix.awaitMaillog(l -> l.contains("status=deferred"), WAIT);
      await().atMost(WAIT).until(() -> sent(postfix).size() == 2);
      assertThat(sent(postfix)).anyMatch(l -> l.contains("to=<alice@dest.test>"));
      assertThat(sent(postfix)).anyMatch(l -> l.contains("to=<bob@dest.test>"));
      assertThat(postfix.maillog())
          .filteredOn(l -> l.contains("status=deferred"))
          .singleElement()
          .satisfies(l -> assertThat(l).contains("to=<full@dest.test>", "452 4.2.2"));

      postfix.flush();

      await().atMost(WAIT).until(() -> sent(postfix).size() == 3);
      assertThat(sent(postfix).get(2)).contains("to=<full@dest.test>", "Saved");
      List<ReceivedMessage> stored = smtp.awaitMessages(2, WAIT);
      // Postfix orders the recipients of a delivery its own way
      assertThat(stored.get(0).recipients())
          .extracting(Recipient::address, Recipient::status)
          .containsExactlyInAnyOrder(
              tuple("alice@dest.test", Status.ACCEPTED),
              tuple("full@dest.test", Status.REJECTED),
              tuple("bob@dest.test", Status.ACCEPTED));
      assertThat(stored.get(1).recipients())
          .extracting(Recipient::address, Recipient::status)
          .containsExactly(tuple("full@dest.test", Status.ACCEPTED));
      assertThat(smtp.sessions().get(0).lines()).anyMatch(line -> line.text().startsWith("LHLO "));
    }
  }

  private static List<String> sent(PrivatePostfix postfix) {
    return postfix.maillog().stream().filter(l -> l.contains("status=sent")).toList();
  }

  @Test
  void pythonsSmtplibLmtpReadsOneReplyPerRecipient(@TempDir Path dir)
      throws IOException, InterruptedException {
    Path script = dir.resolve("lmtp.py");
    Files.writeString(
        script,
        """
        import smtplib, sys
        client = smtplib.LMTP("127.0.0.1", int(sys.argv[1]))
        client.ehlo("client.test")
        client.mail("app@app.test")
        for rcpt in ("alice@dest.test", "full@dest.test", "bob@dest.test"):
            client.rcpt(rcpt)
        # smtplib reads the first reply to the data; LMTP sends one per recipient (RFC 2033 4.2)
        print(*client.data(b"Subject: from Python\\r\\n\\r\\nbody\\r\\n"))
        print(*client.getreply())
        print(*client.getreply())
        client.quit()
        """);
    try (SmtpMockServer smtp = serve(SCENARIO)) {
      Process python =
          new ProcessBuilder("python3", script.toString(), Integer.toString(smtp.port()))
              .redirectErrorStream(true)
              .start();
      assertThat(python.waitFor(20, TimeUnit.SECONDS)).isTrue();
      String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(python.exitValue()).as(out).isZero();
      String id = smtp.awaitMessages(1, WAIT).get(0).id();
      assertThat(out.lines())
          .containsExactly(
              "250 b'2.0.0 <alice@dest.test> " + id + " Saved'",
              "552 b'5.2.2 <full@dest.test> Mailbox is full'",
              "250 b'2.0.0 <bob@dest.test> " + id + " Saved'");
    }
  }

  /** Hands a message to Postfix's smtpd, as an application would. */
  private static void submit(int port, List<String> recipients) {
    try (SmtpDialogue d = SmtpDialogue.connect(port, Duration.ofSeconds(10))) {
      d.expectStart("220 ").send("EHLO app.test").expectStart("250-");
      d.send("MAIL FROM:<app@app.test>").expectStart("250 ");
      for (String recipient : recipients) {
        d.send("RCPT TO:<" + recipient + ">").expectStart("250 ");
      }
      d.send("DATA").expectStart("354 ");
      d.send("Subject: to the mailbox\r\n\r\nHello.\r\n.");
      d.expectStart("250 ").send("QUIT").expectStart("221 ");
    }
  }
}
