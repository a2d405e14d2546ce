package dev.smtpmock.assertions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.testing.MimeSamples;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Mail as Angus Mail writes it, read back decoded. */
class MimeViewTest {

  @Test
  void aQuotedPrintableBodyAndAnEncodedWordSubjectAreDecoded() throws Exception {
    byte[] data = MimeSamples.bytes(MimeSamples.quotedPrintable(MimeSamples.offline()));
    MimeView mail = MimeView.of(data);

    assertThat(new String(data, StandardCharsets.US_ASCII))
        .contains("Subject: =?UTF-8?")
        .contains("quoted-printable");
    assertThat(mail.subject()).isEqualTo(MimeSamples.QP_SUBJECT);
    assertThat(mail.text()).isEqualTo(MimeSamples.QP_TEXT);
    assertThat(mail.html()).isNull();
    assertThat(mail.attachments()).isEmpty();
    assertThat(mail.rawBody()).doesNotContain("Grüße").contains("=C3=BC");
  }

  @Test
  void aBase64BodyIsDecodedPerItsCharset() throws Exception {
    MimeView mail = MimeView.of(MimeSamples.bytes(MimeSamples.base64(MimeSamples.offline())));

    assertThat(mail.subject()).isEqualTo(MimeSamples.BASE64_SUBJECT);
    assertThat(mail.text()).isEqualTo(MimeSamples.BASE64_TEXT);
    assertThat(mail.parts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.contentType()).isEqualTo("text/plain");
              assertThat(p.charset()).isEqualToIgnoringCase("utf-8");
              assertThat(p.isText()).isTrue();
            });
  }

  @Test
  void anHtmlMailListsItsLeafPartsInDocumentOrderWithTheAttachmentDecoded() throws Exception {
    MimeView mail =
        MimeView.of(MimeSamples.bytes(MimeSamples.htmlWithAttachment(MimeSamples.offline())));

    assertThat(mail.parts())
        .extracting(MessagePart::index, MessagePart::contentType, MessagePart::filename)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, "text/plain", null),
            org.assertj.core.groups.Tuple.tuple(1, "text/html", null),
            org.assertj.core.groups.Tuple.tuple(
                2, MimeSamples.ATTACHMENT_TYPE, MimeSamples.ATTACHMENT_NAME));
    assertThat(mail.text()).isEqualTo(MimeSamples.HTML_PLAIN);
    assertThat(mail.html()).isEqualTo(MimeSamples.HTML);
    MimeView.Attachment attachment = mail.attachments().get(0);
    assertThat(attachment.name()).isEqualTo(MimeSamples.ATTACHMENT_NAME);
    assertThat(attachment.content()).isEqualTo(MimeSamples.ATTACHMENT);
    assertThat(mail.parts().get(2).disposition()).isEqualTo("attachment");
    assertThat(mail.parts().get(2).text()).isNull();
    assertThat(mail.mimeMessage().getSubject()).isEqualTo(MimeSamples.HTML_SUBJECT);
  }

  @Test
  void plainAsciiReadsAsSent() {
    MimeView mail =
        MimeView.of(
            "Subject: Hello =? there\r\n\r\nJust text.\r\n".getBytes(StandardCharsets.UTF_8));

    assertThat(mail.subject()).isEqualTo("Hello =? there");
    assertThat(mail.text()).isEqualTo("Just text.\r\n");
    assertThat(mail.rawBody()).isEqualTo("Just text.\r\n");
  }

  @Test
  void whatCannotBeDecodedIsShownAsSent() {
    MimeView mail =
        MimeView.of(
            ("Subject: =?x-unknown?Q?abc?=\r\nContent-Type: multipart/mixed\r\n"
                    + "Content-Transfer-Encoding: x-nonsense\r\n\r\nno boundary here\r\n")
                .getBytes(StandardCharsets.UTF_8));

    assertThat(mail.subject()).isEqualTo("=?x-unknown?Q?abc?=");
    assertThat(mail.parts()).singleElement();
    assertThat(new String(mail.parts().get(0).content(), StandardCharsets.UTF_8))
        .isEqualTo("no boundary here\r\n");
  }
}
