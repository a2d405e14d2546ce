package dev.smtpmock.junit;

import static dev.smtpmock.junit.SmtpMockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.assertions.MimeView;
import dev.smtpmock.testing.MimeSamples;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Non-ASCII mail sent by Angus Mail: the assertions compare it decoded, the raw ones as sent. */
@SmtpMock
class DecodedAssertionsTest {

  @Test
  void aQuotedPrintableMailIsComparedDecoded(SmtpMockServer smtp) throws Exception {
    send(smtp, MimeSamples.quotedPrintable(session(smtp)));

    assertThat(smtp)
        .onlyMessage()
        .hasSubject(MimeSamples.QP_SUBJECT)
        .hasRawSubject("=?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?=")
        .hasBody(MimeSamples.QP_TEXT)
        .hasBodyContaining("schöne Grüße")
        .hasTextContaining("Hallo Jürgen")
        .hasRawBodyContaining("Hallo J=C3=BCrgen")
        .hasHeader("Content-Transfer-Encoding", "quoted-printable");
  }

  @Test
  void aBase64MailIsComparedDecoded(SmtpMockServer smtp) throws Exception {
    send(smtp, MimeSamples.base64(session(smtp)));

    assertThat(smtp)
        .onlyMessage()
        .hasSubject(MimeSamples.BASE64_SUBJECT)
        .hasBodyContaining("Встреча в пятницу")
        .hasTextContaining("金曜日");
    assertThatThrownBy(() -> assertThat(smtp).onlyMessage().hasRawBodyContaining("Встреча"))
        .hasMessageContaining("to have a raw body containing");
  }

  @Test
  void anHtmlMailWithAnAttachmentShowsItsPartsDecoded(SmtpMockServer smtp) throws Exception {
    send(smtp, MimeSamples.htmlWithAttachment(session(smtp)));

    assertThat(smtp)
        .onlyMessage()
        .hasSubject(MimeSamples.HTML_SUBJECT)
        .hasTextContaining("Rechnung für März")
        .hasHtmlContaining("<b>März</b>")
        .hasAttachment(MimeSamples.ATTACHMENT_NAME)
        .hasAttachment(MimeSamples.ATTACHMENT_NAME, MimeSamples.ATTACHMENT_TYPE);
    MimeView mail = MimeView.of(smtp.messages().get(0).data());
    org.assertj.core.api.Assertions.assertThat(mail.attachments().get(0).content())
        .isEqualTo(MimeSamples.ATTACHMENT);
    org.assertj.core.api.Assertions.assertThat(mail.mimeMessage().getSubject())
        .isEqualTo(MimeSamples.HTML_SUBJECT);
    assertThatThrownBy(() -> assertThat(smtp).onlyMessage().hasAttachment("invoice.pdf"))
        .hasMessageContaining("to have an attachment named \"invoice.pdf\", but it has [")
        .hasMessageContaining(MimeSamples.ATTACHMENT_NAME + " (application/pdf, ");
  }

  @Test
  void aComparedValueFailsWithExpectedAndActualForTheIdeDiff(SmtpMockServer smtp) throws Exception {
    send(smtp, MimeSamples.quotedPrintable(session(smtp)));

    assertThatThrownBy(() -> assertThat(smtp).onlyMessage().hasSubject("Grüße aus Bonn"))
        .isInstanceOfSatisfying(
            AssertionFailedError.class,
            e -> {
              org.assertj.core.api.Assertions.assertThat(e.getExpected().getValue())
                  .isEqualTo("Grüße aus Bonn");
              org.assertj.core.api.Assertions.assertThat(e.getActual().getValue())
                  .isEqualTo(MimeSamples.QP_SUBJECT);
            })
        .hasMessageContaining("to have subject \"Grüße aus Bonn\", but it has \"Grüße aus Köln\"");
    assertThatThrownBy(() -> assertThat(smtp).onlyMessage().hasBody("Hallo"))
        .isInstanceOfSatisfying(
            AssertionFailedError.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.getActual().getValue())
                    .isEqualTo(MimeSamples.QP_TEXT.replace("\r\n", "\n")));
  }

  private static Session session(SmtpMockServer smtp) {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", smtp.host());
    properties.put("mail.smtp.port", String.valueOf(smtp.port()));
    return Session.getInstance(properties);
  }

  private static void send(SmtpMockServer smtp, MimeMessage message) throws Exception {
    Transport.send(message);
    smtp.awaitMessages(1, Duration.ofSeconds(5));
  }
}
