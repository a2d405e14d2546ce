package dev.smtpmock.junit;

import static dev.smtpmock.junit.SmtpMockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.testing.SmtpDialogue;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

@SmtpMock
class DialogueAssertionsTest {

  @Test
  void commandsInOrder(SmtpMockServer smtp) throws Exception {
    SampleMail.send(smtp, "a@example.test", "b@example.test", "c@example.test");
    SmtpSession session = smtp.sessions().get(0);

    assertThat(session)
        .sentVerbs("EHLO", "MAIL", "RCPT", "RCPT", "DATA", "QUIT")
        .sentInOrder("EHLO", "MAIL FROM:<a@example.test>", "rcpt to:<c@example.test>", "QUIT")
        .sent("DATA")
        .didNotSend("RSET")
        .receivedReply("250 2.1.5");
    // The server records the end just after it writes 221, so the client may be a step ahead.
    assertThat(awaitEnd(smtp)).endedWith(SmtpSession.End.QUIT);
    assertThatThrownBy(() -> assertThat(awaitEnd(smtp)).endedWith(SmtpSession.End.FAULT))
        .hasMessageContaining("to have ended with FAULT, but it ended with QUIT");
    assertThatThrownBy(() -> assertThat(session).sentVerbs("EHLO", "MAIL", "RCPT", "DATA", "QUIT"))
        .hasMessageContaining("to have sent the commands")
        .hasMessageContaining("[EHLO, MAIL, RCPT, RCPT, DATA, QUIT]")
        .hasMessageContaining("transcript:")
        .hasMessageContaining("C: RCPT TO:<c@example.test>");
    assertThatThrownBy(() -> assertThat(session).sentInOrder("DATA", "MAIL"))
        .hasMessageContaining("found no \"MAIL\" after \"DATA\"")
        .hasMessageContaining("S: 354 End data");
  }

  private static SmtpSession awaitEnd(SmtpMockServer smtp) {
    await().atMost(Duration.ofSeconds(5)).until(() -> !smtp.sessions().get(0).isOpen());
    return smtp.sessions().get(0);
  }

  @Test
  @SmtpMock(
      yaml =
          """
          rules:
            - when: mail
              raw: "421 4.3.2 Shutting down\\r\\n"
          """)
  void quitAfter421(SmtpMockServer smtp) {
    try (SmtpDialogue client = SmtpDialogue.connect(smtp.port())) {
      client.reply();
      client.command("EHLO client.test");
      client.command("MAIL FROM:<a@example.test>");
      client.command("QUIT");
    }
    try (SmtpDialogue client = SmtpDialogue.connect(smtp.port())) {
      client.reply();
      client.command("EHLO client.test");
      client.command("MAIL FROM:<a@example.test>");
      client.command("RCPT TO:<b@example.test>");
    }

    assertThat(smtp).session(0).sentQuitAfter(421).sentOnlyQuitAfter(421);
    assertThatThrownBy(() -> assertThat(smtp).session(1).sentQuitAfter(421))
        .hasMessageContaining(
            "to have sent QUIT after the 421 reply, but it sent \"RCPT TO:<b@example.test>\"")
        .hasMessageContaining("S: 421 4.3.2 Shutting down");
    assertThatThrownBy(() -> assertThat(smtp).session(1).sentOnlyQuitAfter(421))
        .hasMessageContaining("to have given up after the 421 reply");
  }

  @Test
  @SmtpMock(
      yaml =
          """
          rules:
            - when: rcpt
              nth: 1
              per: server
              key: [recipient]
              reply: 451 4.7.1 Greylisted, please retry
          """)
  void retryAfter451AcrossSessions(SmtpMockServer smtp) throws Exception {
    try (SmtpDialogue client = SmtpDialogue.connect(smtp.port())) {
      client.reply();
      client.command("EHLO client.test");
      client.command("MAIL FROM:<a@example.test> SIZE=100");
      assertThat(client.command("RCPT TO:<b@example.test>").text()).startsWith("451");
      client.command("QUIT");
    }
    Thread.sleep(300);
    SampleMail.send(smtp, "a@example.test", "b@example.test");

    assertThat(smtp)
        .retriedAfter(451)
        .inNewSession()
        .waitedAtLeast(Duration.ofMillis(250))
        .waitedAtMost(Duration.ofSeconds(30));
    assertThat(smtp).hasSessionCount(2).hasMessageCount(1);
    assertThatThrownBy(
            () -> assertThat(smtp).retriedAfter(451).waitedAtLeast(Duration.ofMinutes(5)))
        .hasMessageContaining("to have waited at least 5m, but it waited ")
        .hasMessageContaining(
            "\"RCPT TO:<b@example.test>\" -> \"451 4.7.1 Greylisted, please retry\"")
        .hasMessageContaining("transcripts:");
    assertThatThrownBy(() -> assertThat(smtp).retriedAfter(451).inSameSession())
        .hasMessageContaining("to have retried in the same session");
    assertThatThrownBy(() -> assertThat(smtp).retriedAfter(554))
        .hasMessageContaining("no reply had code 554");
  }

  @Test
  @SmtpMock(yaml = "rules: [{when: rcpt, reply: 550 5.1.1 No such user}]")
  void noDataOnceEveryRecipientWasRefused(SmtpMockServer smtp) throws Exception {
    MimeMessage message = new MimeMessage(MailerExampleTest.session(smtp));
    message.setFrom("app@example.com");
    message.setRecipients(RecipientType.TO, "ann@example.com, bob@example.com");
    message.setText("Hello.");
    catchThrowableOfType(SendFailedException.class, () -> Transport.send(message));
    try (SmtpDialogue careless = SmtpDialogue.connect(smtp.port())) {
      careless.reply();
      careless.command("EHLO careless.test");
      careless.command("MAIL FROM:<a@example.test>");
      careless.command("RCPT TO:<b@example.test>");
      careless.command("DATA");
    }

    assertThat(smtp).session(0).sentNoDataAfterAllRecipientsRefused();
    assertThatThrownBy(() -> assertThat(smtp).session(1).sentNoDataAfterAllRecipientsRefused())
        .hasMessageContaining("to send no DATA once every RCPT was refused, but after")
        .hasMessageContaining("\"RCPT TO:<b@example.test>\" -> \"550 5.1.1 No such user\"")
        .hasMessageContaining("it sent \"DATA\"");
  }

  @Test
  void noDataAssertionNeedsARefusedTransaction(SmtpMockServer smtp) {
    SampleMail.send(smtp, "a@example.test", "b@example.test");

    assertThatThrownBy(() -> assertThat(smtp).onlySession().sentNoDataAfterAllRecipientsRefused())
        .hasMessageContaining("no transaction had every RCPT refused");
  }

  @Test
  @SmtpMock(
      yaml =
          """
          server:
            extensions: [PIPELINING, SIZE, 8BITMIME, ENHANCEDSTATUSCODES, STARTTLS, AUTH]
          """)
  void startTlsBeforeAuth(SmtpMockServer smtp) throws Exception {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", smtp.host());
    properties.put("mail.smtp.port", String.valueOf(smtp.port()));
    properties.put("mail.smtp.starttls.enable", "true");
    properties.put("mail.smtp.starttls.required", "true");
    properties.put("mail.smtp.ssl.trust", "*");
    properties.put("mail.smtp.auth", "true");
    properties.put("mail.smtp.timeout", "5000");
    MimeMessage message = new MimeMessage(Session.getInstance(properties));
    message.setFrom("app@example.com");
    message.setRecipients(RecipientType.TO, "ann@example.com");
    message.setText("Hello.");
    Transport.send(message, "app", "secret");
    try (SmtpDialogue plaintext = SmtpDialogue.connect(smtp.port())) {
      plaintext.reply();
      plaintext.command("EHLO plain.test");
      plaintext.command("AUTH PLAIN AGFwcABzZWNyZXQ=");
    }

    assertThat(smtp).session(0).sentStartTlsBeforeAuth();
    assertThatThrownBy(() -> assertThat(smtp).session(1).sentStartTlsBeforeAuth())
        .hasMessageContaining("it sent \"AUTH PLAIN AGFwcABzZWNyZXQ=\" in plaintext");
  }

  @Test
  void messageAssertionsQuoteTheMessage(SmtpMockServer smtp) {
    SampleMail.send(smtp, "a@example.test", "b@example.test", "c@example.test");
    ReceivedMessage message = smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0);

    assertThat(message)
        .isAccepted()
        .hasSender("a@example.test")
        .hasRecipients("b@example.test", "c@example.test")
        .hasRecipient("c@example.test")
        .hasSubject("sample")
        .hasHeader("subject")
        .hasHeader("Subject", "sample")
        .hasNoHeader("X-Mailer")
        .hasBody("Hello.")
        .hasBodyContaining("Hello");
    assertThatThrownBy(() -> assertThat(message).hasRecipients("b@example.test"))
        .hasMessageContaining(
            "to have recipients [b@example.test], but it has [b@example.test, c@example.test]")
        .hasMessageContaining("message:")
        .hasMessageContaining("Subject: sample")
        .hasMessageContaining("Hello.");
    assertThatThrownBy(() -> assertThat(message).hasHeader("X-Mailer", "app"))
        .hasMessageContaining("it has no X-Mailer header");
  }

  @Test
  void serverAssertionsQuoteTheTranscripts(SmtpMockServer smtp) {
    try (SmtpDialogue client = SmtpDialogue.connect(smtp.port())) {
      client.reply();
      client.command("EHLO quoted.test");
    }

    assertThatThrownBy(() -> assertThat(smtp).hasMessageCount(1))
        .hasMessageContaining("to have accepted 1 message(s), but it accepted 0")
        .hasMessageContaining("C: EHLO quoted.test");
    assertThatThrownBy(() -> assertThat(smtp).session(3))
        .hasMessageContaining("to have a session at index 3, but it had 1");
    assertThat(smtp).allSessionsSatisfy(s -> s.sentVerbs("EHLO"));
  }
}
