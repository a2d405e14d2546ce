package dev.smtpmock.junit;

import static dev.smtpmock.junit.SmtpMockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpmock.ReceivedMessage.Status;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.testing.SmtpDialogue;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Each recipient's outcome of an LMTP message, where one reply per recipient follows the data. */
@SmtpMock(
    yaml =
        """
        server: { protocol: lmtp }
        rules: [{ when: delivery, match: "<full@", reply: "552 5.2.2 <{recipient}> Quota exceeded" }]
        """)
class RecipientOutcomeAssertionsTest {

  @Test
  void eachRecipientHasItsOwnStatus(SmtpMockServer smtp) {
    try (SmtpDialogue lmtp = SmtpDialogue.connect(smtp.port())) {
      lmtp.expectCode(220);
      lmtp.send("LHLO mta.test").expectCode(250);
      lmtp.send("MAIL FROM:<app@app.test>").expectCode(250);
      lmtp.send("RCPT TO:<alice@dest.test>").expectCode(250);
      lmtp.send("RCPT TO:<full@dest.test>").expectCode(250);
      lmtp.send("DATA").expectCode(354);
      lmtp.sendRaw("Subject: two\r\n\r\nx\r\n.\r\n").expectCode(250).expectCode(552);
    }
    smtp.awaitMessages(1, Duration.ofSeconds(5));

    assertThat(smtp)
        .onlyMessage()
        .isAccepted()
        .hasRecipientStatus("alice@dest.test", Status.ACCEPTED)
        .hasRecipientStatus("full@dest.test", Status.REJECTED);
    assertThatThrownBy(
            () ->
                assertThat(smtp)
                    .onlyMessage()
                    .hasRecipientStatus("full@dest.test", Status.ACCEPTED))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("to have recipient full@dest.test ACCEPTED, but it is REJECTED")
        .hasMessageContaining("552 5.2.2 <full@dest.test> Quota exceeded");
  }
}
