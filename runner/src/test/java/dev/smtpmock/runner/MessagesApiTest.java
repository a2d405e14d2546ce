package dev.smtpmock.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smtpmock.testing.SmtpDialogue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/messages, /api/messages/{id} and /raw over real HTTP, with mail sent over SMTP. */
class MessagesApiTest {
  private static final String SCENARIO =
      """
      scenario: spam-filter
      rules:
        - name: spam
          when: message
          header: { Subject: spam }
          reply: 554 5.7.1 Message rejected as spam
      """;

  private AdminClient admin;

  @BeforeEach
  void start() {
    admin = new AdminClient(SCENARIO);
  }

  @AfterEach
  void stop() {
    admin.close();
  }

  @Test
  void anElementHasTheShapeOfTheSpec() {
    try (SmtpDialogue smtp = SmtpDialogue.connect(admin.smtpPort())) {
      smtp.reply();
      smtp.command("EHLO client.test");
      assertThat(smtp.command("MAIL FROM:<alice@a.test> SIZE=100").text()).startsWith("250");
      assertThat(smtp.command("RCPT TO:<bob@b.test> NOTIFY=SUCCESS").text()).startsWith("250");
      assertThat(smtp.data("Subject: Hello\r\nX-Folded: one\r\n two\r\n\r\nbody").text())
          .startsWith("250");
    }
    admin.runner().smtp().awaitMessages(1, Duration.ofSeconds(5));

    HttpResponse<String> response = admin.get("/api/messages");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("X-Total-Count")).hasValue("1");
    JsonNode m = AdminClient.json(response).get(0);
    assertThat(m.fieldNames())
        .toIterable()
        .containsExactly(
            "id",
            "sessionId",
            "connection",
            "sequence",
            "status",
            "reply",
            "from",
            "fromParams",
            "recipients",
            "subject",
            "subjectDecoded",
            "size",
            "truncated",
            "receivedAt",
            "headers");
    assertThat(m.get("id").asText()).matches("[0-9A-F]{12}");
    assertThat(m.get("sessionId").asText()).isEqualTo("S000001");
    assertThat(m.get("connection").asInt()).isEqualTo(1);
    assertThat(m.get("status").asText()).isEqualTo("accepted");
    assertThat(m.get("reply").asText())
        .isEqualTo("250 2.0.0 Ok: queued as " + m.get("id").asText());
    assertThat(m.get("from").asText()).isEqualTo("alice@a.test");
    assertThat(m.get("fromParams").get("SIZE").asText()).isEqualTo("100");
    assertThat(m.get("recipients").get(0).get("address").asText()).isEqualTo("bob@b.test");
    assertThat(m.get("recipients").get(0).get("params").get("NOTIFY").asText())
        .isEqualTo("SUCCESS");
    assertThat(m.get("subject").asText()).isEqualTo("Hello");
    assertThat(m.get("subjectDecoded").asText()).isEqualTo("Hello");
    assertThat(m.get("size").asLong()).isPositive();
    assertThat(m.get("truncated").asBoolean()).isFalse();
    assertThat(m.get("receivedAt").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(m.get("headers").toString())
        .isEqualTo("[[\"Subject\",\"Hello\"],[\"X-Folded\",\"one two\"]]");
  }

  @Test
  void statusSelectsAcceptedByDefaultAndRejectedOrAllOnRequest() {
    assertThat(send("alice@a.test", "bob@b.test", "fine")).startsWith("250");
    assertThat(send("alice@a.test", "bob@b.test", "buy spam now")).startsWith("554 5.7.1");

    assertThat(subjects("/api/messages")).containsExactly("fine");
    assertThat(subjects("/api/messages?status=accepted")).containsExactly("fine");
    assertThat(subjects("/api/messages?status=rejected")).containsExactly("buy spam now");
    assertThat(subjects("/api/messages?status=all")).containsExactly("fine", "buy spam now");
    assertThat(subjects("/api/messages?status=incomplete")).isEmpty();
  }

  @Test
  void fromToAndSubjectAreCaseInsensitiveSubstrings() {
    send("alice@a.test", "bob@b.test", "Invoice 1");
    send("carol@c.test", "dave@d.test", "Newsletter");
    send("alice@a.test", "erin@e.test", "invoice 2");

    assertThat(subjects("/api/messages?from=ALICE")).containsExactly("Invoice 1", "invoice 2");
    assertThat(subjects("/api/messages?to=d.TEST")).containsExactly("Newsletter");
    assertThat(subjects("/api/messages?subject=invoice&to=erin")).containsExactly("invoice 2");
    assertThat(subjects("/api/messages?subject=nothing")).isEmpty();
  }

  @Test
  void limitAndOffsetPageWhileXTotalCountCountsEveryMatch() {
    for (int i = 1; i <= 5; i++) {
      send("alice@a.test", "bob@b.test", "m" + i);
    }
    HttpResponse<String> page = admin.get("/api/messages?limit=2&offset=1");
    assertThat(page.headers().firstValue("X-Total-Count")).hasValue("5");
    assertThat(subjects(page)).containsExactly("m2", "m3");
    assertThat(subjects("/api/messages?offset=4")).containsExactly("m5");
    assertThat(subjects("/api/messages?offset=9")).isEmpty();
    assertThat(subjects("/api/messages?limit=0")).isEmpty();
  }

  @Test
  void oneMessageAndItsRawBytes() {
    send("alice@a.test", "bob@b.test", "raw me");
    String id = AdminClient.json(admin.get("/api/messages")).get(0).get("id").asText();

    HttpResponse<String> one = admin.get("/api/messages/" + id);
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(AdminClient.json(one).get("subject").asText()).isEqualTo("raw me");

    HttpResponse<byte[]> raw =
        admin
            .http()
            .sendAsync(
                admin.request("/api/messages/" + id + "/raw").build(),
                HttpResponse.BodyHandlers.ofByteArray())
            .join();
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.headers().firstValue("Content-Type")).hasValue("message/rfc822");
    assertThat(new String(raw.body(), StandardCharsets.UTF_8))
        .isEqualTo(
            "From: alice@a.test\r\nTo: bob@b.test\r\nSubject: raw me\r\n\r\nbody of raw me\r\n");
  }

  @Test
  void rejectedMessagesCanBeFetchedByIdToo() {
    send("alice@a.test", "bob@b.test", "spam");
    String id =
        AdminClient.json(admin.get("/api/messages?status=rejected")).get(0).get("id").asText();
    assertThat(AdminClient.json(admin.get("/api/messages/" + id)).get("status").asText())
        .isEqualTo("rejected");
  }

  @Test
  void anUnknownIdIs404() {
    HttpResponse<String> response = admin.get("/api/messages/000000000000");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(AdminClient.json(response).get("status").asInt()).isEqualTo(404);
    assertThat(admin.get("/api/messages/000000000000/raw").statusCode()).isEqualTo(404);
  }

  @Test
  void badParametersAre400() {
    for (String query :
        List.of("status=bounced", "limit=-1", "offset=x", "wait=soon", "count=-3", "wait=5d")) {
      HttpResponse<String> response = admin.get("/api/messages?" + query);
      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(AdminClient.json(response).get("error").asText()).isNotBlank();
    }
  }

  private String send(String from, String to, String subject) {
    return Mails.send(admin.smtpPort(), from, List.of(to), subject, "body of " + subject);
  }

  private List<String> subjects(String path) {
    HttpResponse<String> response = admin.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return subjects(response);
  }

  private static List<String> subjects(HttpResponse<String> response) {
    List<String> subjects = new java.util.ArrayList<>();
    AdminClient.json(response).forEach(m -> subjects.add(m.get("subject").asText()));
    return subjects;
  }
}
