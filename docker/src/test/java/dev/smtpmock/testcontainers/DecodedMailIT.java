package dev.smtpmock.testcontainers;

import static dev.smtpmock.assertions.SmtpMockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpmock.assertions.MimeView;
import dev.smtpmock.testing.MimeSamples;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Non-ASCII mail sent by Angus Mail to the container, checked with the assertions core's tests use:
 * decoded subjects and bodies, parts and attachments, and the dialogue with its transcript.
 */
@RequiresSmtpMockImage
@Testcontainers
class DecodedMailIT {

  @Container
  static SmtpMockContainer smtp =
      new SmtpMockContainer(SmtpMockImage.IMAGE)
          .withScenario(
              """
              rules:
                - name: greylist
                  when: rcpt
                  match: later@
                  nth: 1
                  per: server
                  reply: 451 4.7.1 Greylisted, please retry
              """);

  @BeforeEach
  void reset() {
    smtp.client().reset();
  }

  @Test
  void quotedPrintableAndBase64MailIsComparedDecoded() throws Exception {
    send(MimeSamples.quotedPrintable(session()));
    send(MimeSamples.base64(session()));

    SmtpMockClient.Message first = smtp.client().awaitMessages(2, Duration.ofSeconds(10)).get(0);
    assertThat(first)
        .hasSubject(MimeSamples.QP_SUBJECT)
        .hasRawSubject(first.subject())
        .hasBodyContaining("schöne Grüße")
        .hasRawBodyContaining("J=C3=BCrgen");
    assertThat(first.subjectDecoded()).isEqualTo(MimeSamples.QP_SUBJECT);
    assertThat(smtp.client())
        .message(1)
        .hasSubject(MimeSamples.BASE64_SUBJECT)
        .hasTextContaining("Встреча в пятницу");
  }

  @Test
  void anHtmlMailWithAnAttachmentShowsItsParts() throws Exception {
    send(MimeSamples.htmlWithAttachment(session()));

    smtp.client().awaitMessages(1, Duration.ofSeconds(10));
    assertThat(smtp.client())
        .onlyMessage()
        .hasSubject(MimeSamples.HTML_SUBJECT)
        .hasHtmlContaining("<b>März</b>")
        .hasAttachment(MimeSamples.ATTACHMENT_NAME, MimeSamples.ATTACHMENT_TYPE);
    MimeView mail = MimeView.of(smtp.client().messages().get(0));
    assertThat(mail.attachments().get(0).content()).isEqualTo(MimeSamples.ATTACHMENT);
  }

  @Test
  void theDialogueAssertionsReadTheContainersTranscripts() throws Exception {
    MimeMessage message = MimeSamples.quotedPrintable(session());
    message.setRecipients(MimeMessage.RecipientType.TO, "later@example.test");
    assertThatThrownBy(() -> Transport.send(message)).hasStackTraceContaining("451 4.7.1");
    Transport.send(message);

    smtp.client().awaitMessages(1, Duration.ofSeconds(10));
    assertThat(smtp.client()).hasSessionCount(2).retriedAfter(451).inNewSession();
    assertThat(smtp.client()).session(0).receivedReply("451 4.7.1").didNotSend("DATA");
    assertThatThrownBy(() -> assertThat(smtp.client()).session(1).sentVerbs("HELO", "QUIT"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("to have sent the commands")
        .hasMessageContaining("C: RCPT TO:<later@example.test>");
  }

  private static Session session() {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", smtp.getSmtpHost());
    properties.put("mail.smtp.port", String.valueOf(smtp.getSmtpPort()));
    properties.put("mail.smtp.localhost", "client.test");
    properties.put("mail.smtp.timeout", "10000");
    return Session.getInstance(properties);
  }

  private static void send(MimeMessage message) throws Exception {
    Transport.send(message);
  }
}
