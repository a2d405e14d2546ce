package dev.smtpmock.internal.transport;

import static dev.smtpmock.testing.Servers.serve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.testing.SmtpDialogue;
import org.junit.jupiter.api.Test;

/** {@code server.max-connections} (SPEC 12): past it, Postfix postscreen's 421 and a close. */
class MaxConnectionsTest {
  @Test
  void aConnectionPastTheLimitGets421InsteadOfTheGreetingAndNoSession() {
    try (SmtpMockServer smtp =
            serve(
                "server: { max-connections: 2 }\nrules: [{ when: connect, reply: '220 {session}' }]");
        SmtpDialogue first = SmtpDialogue.connect(smtp.port());
        SmtpDialogue second = SmtpDialogue.connect(smtp.port())) {
      first.expect("220 S000001");
      second.expect("220 S000002");
      try (SmtpDialogue refused = SmtpDialogue.connect(smtp.port())) {
        refused.expect("421 4.3.2 All server ports are busy");
        assertThat(refused.closedHow()).isEqualTo(SmtpDialogue.Closed.FIN);
      }
      assertThat(smtp.sessions()).extracting(SmtpSession::connection).containsExactly(1, 2);
      assertThat(smtp.stats().connections()).isEqualTo(2);

      first.send("QUIT").expect("221 2.0.0 Bye");
      first.close();
      await().until(() -> smtp.sessions().get(0).endedAt() != null);
      try (SmtpDialogue third = SmtpDialogue.connect(smtp.port())) {
        third.expect("220 S000003");
      }
      assertThat(smtp.sessions()).extracting(SmtpSession::connection).containsExactly(1, 2, 3);
    }
  }
}
