package dev.smtpmock.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.ReceivedMessage.Recipient;
import dev.smtpmock.ReceivedMessage.Status;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.scenario.Scenario;
import dev.smtpmock.testing.SmtpDialogue;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code lmtp-partial-delivery}: one reply per recipient, 552 5.2.2 for the full mailbox. */
class LmtpPartialDeliveryScenarioTest {
  @Test
  void theFullMailboxIsRefusedAfterTheDataAndTheOthersAreDelivered() {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("lmtp-partial-delivery"));
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.expect("220 smtpmock.test LMTP smtpmock");
      d.send("LHLO mta.test").expectStart("250-smtpmock.test");
      d.send("MAIL FROM:<app@app.test>").expect("250 2.1.0 Ok");
      for (String rcpt : new String[] {"alice", "Mailbox-Full", "bob"}) {
        d.send("RCPT TO:<" + rcpt + "@dest.test>").expect("250 2.1.5 Ok");
      }
      d.send("DATA").expectCode(354);
      d.sendRaw("Subject: report\r\n\r\nbody\r\n.\r\n");
      ReceivedMessage m = smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0);
      d.expect("250 2.0.0 <alice@dest.test> " + m.id() + " Saved");
      d.expect("552 5.2.2 <Mailbox-Full@dest.test> Quota exceeded (mailbox for user is full)");
      d.expect("250 2.0.0 <bob@dest.test> " + m.id() + " Saved");

      assertThat(m.recipients())
          .extracting(Recipient::address, Recipient::status)
          .containsExactly(
              tuple("alice@dest.test", Status.ACCEPTED),
              tuple("Mailbox-Full@dest.test", Status.REJECTED),
              tuple("bob@dest.test", Status.ACCEPTED));
    }
  }
}
