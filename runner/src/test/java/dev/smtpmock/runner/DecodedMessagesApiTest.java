package dev.smtpmock.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smtpmock.testing.MimeSamples;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** subjectDecoded and /api/messages/{id}/parts, for non-ASCII mail sent by Angus Mail. */
class DecodedMessagesApiTest {
  private AdminClient admin;

  @BeforeEach
  void start() {
    admin = new AdminClient("rules: []\n");
  }

  @AfterEach
  void stop() {
    admin.close();
  }

  @Test
  void aQuotedPrintableMailHasItsSubjectAndTextDecoded() throws Exception {
    JsonNode message = sent(MimeSamples.quotedPrintable(session()));

    assertThat(message.get("subject").asText()).startsWith("=?UTF-8?Q?");
    assertThat(message.get("subjectDecoded").asText()).isEqualTo(MimeSamples.QP_SUBJECT);
    JsonNode parts = parts(message);
    assertThat(parts).hasSize(1);
    assertThat(parts.get(0).get("contentType").asText()).isEqualTo("text/plain");
    assertThat(parts.get(0).get("charset").asText()).isEqualToIgnoringCase("UTF-8");
    // quoted-printable keeps the line break that ends the data on the wire
    assertThat(parts.get(0).get("text").asText()).isEqualTo(MimeSamples.QP_TEXT + "\r\n");
    assertThat(parts.get(0).get("base64").isNull()).isTrue();
  }

  @Test
  void aBase64MailHasItsTextDecoded() throws Exception {
    JsonNode message = sent(MimeSamples.base64(session()));

    assertThat(message.get("subjectDecoded").asText()).isEqualTo(MimeSamples.BASE64_SUBJECT);
    assertThat(parts(message).get(0).get("text").asText()).isEqualTo(MimeSamples.BASE64_TEXT);
  }

  @Test
  void anHtmlMailListsItsLeafPartsWithTheAttachmentInBase64() throws Exception {
    JsonNode parts = parts(sent(MimeSamples.htmlWithAttachment(session())));

    assertThat(parts).hasSize(3);
    assertThat(parts.findValuesAsText("contentType"))
        .containsExactly("text/plain", "text/html", "application/pdf");
    assertThat(parts.findValuesAsText("index")).containsExactly("0", "1", "2");
    assertThat(parts.get(1).get("text").asText()).isEqualTo(MimeSamples.HTML);
    JsonNode attachment = parts.get(2);
    assertThat(attachment.get("filename").asText()).isEqualTo(MimeSamples.ATTACHMENT_NAME);
    assertThat(attachment.get("disposition").asText()).isEqualTo("attachment");
    assertThat(attachment.get("text").isNull()).isTrue();
    assertThat(attachment.get("size").asInt()).isEqualTo(MimeSamples.ATTACHMENT.length);
    assertThat(Base64.getDecoder().decode(attachment.get("base64").asText()))
        .isEqualTo(MimeSamples.ATTACHMENT);
  }

  @Test
  void anUnknownMessageHasNoParts() {
    assertThat(admin.get("/api/messages/000000000000/parts").statusCode()).isEqualTo(404);
  }

  private Session session() {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", Integer.toString(admin.smtpPort()));
    return Session.getInstance(properties);
  }

  private JsonNode sent(MimeMessage message) throws Exception {
    Transport.send(message);
    admin.runner().smtp().awaitMessages(1, Duration.ofSeconds(5));
    return AdminClient.json(admin.get("/api/messages")).get(0);
  }

  private JsonNode parts(JsonNode message) {
    return AdminClient.json(admin.get("/api/messages/" + message.get("id").asText() + "/parts"));
  }
}
