package dev.smtpmock.interop;

import static dev.smtpmock.testing.Servers.serve;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.testing.PrivatePostfix;
import dev.smtpmock.testing.SmtpDialogue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A real MTA against a rule with {@code times: 1}, which is counted server-wide (SPEC 2.4): a
 * private Postfix relays to smtpmock, its first attempt is deferred, the retry that {@code
 * postqueue -f} starts (a new connection) is delivered, and smtpmock stores the message once.
 */
class PostfixRetryIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @ParameterizedTest(name = "when: {0}, times: 1, reply: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "connect | 421 4.3.2 Service not available",
        "rcpt    | 451 4.7.1 Greylisted, please retry"
      })
  void theFirstAttemptIsDeferredAndTheRetryDelivered(String event, String reply, @TempDir Path dir)
      throws InterruptedException {
    try (SmtpMockServer smtp =
            serve("rules: [{when: " + event + ", times: 1, reply: \"" + reply + "\"}]");
        PrivatePostfix postfix =
            PrivatePostfix.start(dir, Map.of("relayhost", "[127.0.0.1]:" + smtp.port()))) {
      submit(postfix.smtpdPort(), "Order 4711");

      String deferred = postfix.awaitMaillog(l -> l.contains("status=deferred"), WAIT);
      assertThat(deferred).contains("to=<user@smtpmock.test>", reply);
      assertThat(smtp.allMessages()).isEmpty();

      postfix.flush();

      String sent = postfix.awaitMaillog(l -> l.contains("status=sent"), WAIT);
      assertThat(sent).contains("to=<user@smtpmock.test>", "relay=127.0.0.1");
      assertThat(smtp.allMessages())
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.status()).isEqualTo(ReceivedMessage.Status.ACCEPTED);
                assertThat(m.subject()).isEqualTo("Order 4711");
              });
      assertThat(postfix.maillog()).filteredOn(l -> l.contains("status=deferred")).hasSize(1);
    }
  }

  /** Hands a message to Postfix's smtpd, as an application would. */
  private static void submit(int port, String subject) {
    try (SmtpDialogue d = SmtpDialogue.connect(port, Duration.ofSeconds(10))) {
      d.expectStart("220 ").send("EHLO app.test").expectStart("250-");
      d.send("MAIL FROM:<app@app.test>").expectStart("250 ");
      d.send("RCPT TO:<user@smtpmock.test>").expectStart("250 ");
      d.send("DATA").expectStart("354 ");
      d.send("Subject: " + subject + "\r\n\r\nThank you for your order.\r\n.");
      d.expectStart("250 ").send("QUIT").expectStart("221 ");
    }
  }
}
