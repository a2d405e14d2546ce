package dev.smtpmock.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Rule;
import dev.smtpmock.scenario.Scenario;
import dev.smtpmock.testing.MimeSamples;
import dev.smtpmock.testing.SmtpDialogue;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Drives a real runner over SMTP and HTTP until every response {@code openapi.json} lists has been
 * served, and checks each exchange (status, content type, headers, JSON body) against the document:
 * the document and the code cannot drift apart unnoticed.
 */
class OpenApiContractTest {
  private static final String SCENARIO =
      """
      scenario: contract
      server:
        extensions: [PIPELINING, SIZE, 8BITMIME, ENHANCEDSTATUSCODES, DSN, AUTH, STARTTLS]
      rules:
        - name: spam
          when: message
          header: { Subject: spam }
          reply: 554 5.7.1 Message rejected as spam
        - name: drop
          when: rcpt
          match: drop@
          fault: disconnect
      """;

  private static final String BIG = "x".repeat(Http.MAX_BODY + 1);

  private final OpenApiContract contract = new OpenApiContract();
  private final List<AutoCloseable> open = new ArrayList<>();
  private AdminClient admin;

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyResponseTheDocumentListsIsServedAsItDescribes() {
    admin = started(new AdminClient(SCENARIO));
    return Stream.of(
        dynamicTest("messages of every status, filtered, paged, long-polled", this::messages),
        dynamicTest("sessions with and without TLS, open and ended, with rules", this::sessions),
        dynamicTest("the scenario, read, swapped and refused", this::scenario),
        dynamicTest("stats, the CA, health, the page, the schema and this document", this::rest),
        dynamicTest(
            "400 (also for unknown query parameters), 404, 405 and 413 as the document says",
            this::errors),
        dynamicTest("401 on every /api/ path without the token", this::unauthorized),
        dynamicTest("503 once too many long polls wait", this::tooManyLongPolls),
        dynamicTest(
            "every response the document lists was served",
            () -> assertThat(contract.served()).isEqualTo(contract.listed())));
  }

  private void messages() throws MessagingException {
    int port = admin.smtpPort();
    try (SmtpDialogue smtp = SmtpDialogue.connect(port)) {
      smtp.reply();
      smtp.command("EHLO client.test");
      smtp.command("MAIL FROM:<alice@a.test> SIZE=100");
      smtp.command("RCPT TO:<bob@b.test> NOTIFY=SUCCESS");
      assertThat(smtp.data("Subject: Hello\r\n\r\nbody").text()).startsWith("250");
      smtp.command("MAIL FROM:<>");
      smtp.command("RCPT TO:<bob@b.test>");
      assertThat(smtp.data("X-No-Subject: yes\r\n\r\nbody").text()).startsWith("250");
    }
    Mails.send(port, "carol@c.test", List.of("bob@b.test"), "spam", "buy");
    sendHtmlWithAttachment(port);
    try (SmtpDialogue cut = SmtpDialogue.connect(port)) {
      cut.reply();
      cut.command("HELO client.test");
      cut.command("MAIL FROM:<dave@d.test>");
      cut.command("RCPT TO:<bob@b.test>");
      cut.command("DATA");
    } // closed mid-data: incomplete
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> admin.runner().smtp().allMessages().size() == 5);

    JsonNode all = get("/api/messages?status=all");
    assertThat(all.findValuesAsText("status")).contains("accepted", "rejected", "incomplete");
    for (String query :
        List.of(
            "",
            "?status=rejected",
            "?status=INCOMPLETE",
            "?status=all&from=ALICE&to=bob&subject=hel&limit=1&offset=0",
            "?status=all&limit=0&offset=9",
            "?wait=2s&count=2",
            "?wait=50ms&count=9")) {
      contract.check(admin.get("/api/messages" + query));
    }
    for (JsonNode m : all) {
      String id = m.get("id").asText();
      contract.check(admin.get("/api/messages/" + id));
      contract.check(admin.get("/api/messages/" + id + "/raw"));
      contract.check(admin.get("/api/messages/" + id + "/parts"));
      contract.check(admin.send("HEAD", "/api/messages/" + id, null));
    }
  }

  private void sessions() throws MessagingException {
    SmtpMockServer smtp = admin.runner().smtp();
    sendOverStartTlsWithAuth(smtp.port());
    try (SmtpDialogue dropped = SmtpDialogue.connect(smtp.port())) {
      dropped.reply();
      dropped.command("HELO client.test");
      dropped.command("MAIL FROM:<a@a.test>");
      dropped.send("RCPT TO:<drop@b.test>"); // fault: disconnect
      assertThat(dropped.line()).isNull();
    }
    Scenario dsl =
        Scenario.builder().rule(Rule.when(Event.NOOP).reply("250 2.0.0 from the DSL")).build();
    smtp.scenario(dsl);
    try (SmtpDialogue stillOpen = SmtpDialogue.connect(smtp.port())) {
      stillOpen.reply();
      assertThat(stillOpen.command("NOOP").text()).isEqualTo("250 2.0.0 from the DSL");
      JsonNode sessions = get("/api/sessions");
      assertThat(sessions.findValues("tls")).anyMatch(JsonNode::isObject);
      assertThat(sessions.findValues("user")).anyMatch(JsonNode::isTextual);
      assertThat(sessions.findValues("endedAt")).anyMatch(JsonNode::isNull);
      assertThat(sessions.findValuesAsText("end")).contains("quit", "fault", "client-closed");
      assertThat(sessions.findValues("source")).anyMatch(JsonNode::isNull);
      assertThat(sessions.findValuesAsText("source")).contains("api.yaml");
      assertThat(json(admin.get("/api/sessions?limit=1&offset=1"))).hasSize(1);
    }
  }

  /** Parts of every kind: text, HTML and a binary attachment (base64 in the JSON). */
  private static void sendHtmlWithAttachment(int port) throws MessagingException {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", Integer.toString(port));
    Transport.send(MimeSamples.htmlWithAttachment(Session.getInstance(properties)));
  }

  private void sendOverStartTlsWithAuth(int port) throws MessagingException {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", Integer.toString(port));
    properties.put("mail.smtp.starttls.enable", "true");
    properties.put("mail.smtp.starttls.required", "true");
    properties.put("mail.smtp.ssl.trust", "*"); // the test CA; trusting it is the point of a mock
    properties.put("mail.smtp.auth", "true");
    properties.put("mail.smtp.timeout", "10000");
    MimeMessage message = new MimeMessage(Session.getInstance(properties));
    message.setFrom(new InternetAddress("tls@a.test"));
    message.setRecipient(RecipientType.TO, new InternetAddress("bob@b.test"));
    message.setSubject("under TLS");
    message.setText("secret");
    Transport.send(message, "user", "password");
  }

  private void scenario() {
    contract.check(admin.get("/api/scenario"));
    String warned = "scenario: swapped\nrules:\n  - when: mail\n    reply: 354 odd but allowed\n";
    JsonNode swapped = json(admin.send("PUT", "/api/scenario", warned));
    assertThat(swapped.get("warnings")).isNotEmpty();
    String invalid = "rules:\n  - when: rcpt\n    replay: 550 no\n  - when: nope\n";
    // the misspelt key, and the second rule's bad event beside its missing action
    assertThat(json(admin.send("PUT", "/api/scenario", invalid)).get("problems")).hasSize(3);
    String implicit = "server:\n  tls:\n    implicit: true\n";
    assertThat(json(admin.send("PUT", "/api/scenario", implicit)).toString()).contains("implicit");
    contract.check(admin.send("PUT", "/api/scenario?builtin=greylisting", null));
    contract.check(admin.send("PUT", "/api/scenario?builtin=greylistng", null));
    contract.check(admin.send("PUT", "/api/scenario?builtin=greylisting", "rules: []"));
    contract.check(admin.send("PUT", "/api/scenario", SCENARIO));
  }

  private void rest() throws IOException {
    assertThat(get("/api/stats").get("rules").findValuesAsText("name")).contains("spam", "drop");
    for (String path :
        List.of("/api/tls/ca.pem", "/health", "/", "/index.html", "/app.js", "/app.css")) {
      contract.check(admin.get(path));
    }
    contract.check(admin.get("/favicon.svg"));
    contract.check(admin.send("HEAD", "/health", null));
    HttpResponse<String> document = contract.check(admin.get("/api/openapi.json"));
    try (InputStream in = ServerApi.class.getResourceAsStream(ServerApi.OPENAPI)) {
      assertThat(document.body()).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    HttpResponse<String> schema = contract.check(admin.get("/api/schema"));
    assertThat(schema.body())
        .isEqualTo(new String(ServerApi.resource(ServerApi.SCHEMA), StandardCharsets.UTF_8));
    contract.check(admin.send("POST", "/api/reset", null));
  }

  private void errors() {
    for (String path :
        List.of(
            "/api/nothing",
            "/nothing.js",
            "/api/messages/000000000000",
            "/api/messages/000000000000/raw",
            "/api/messages/000000000000/parts",
            "/api/messages?status=bogus",
            "/api/messages?wait=soon",
            "/api/messages?limit=-1",
            "/api/sessions?offset=x")) {
      contract.check(admin.get(path));
    }
    for (String[] operation : operations()) {
      HttpResponse<String> response =
          contract.check(admin.send(operation[0], operation[1] + "?bogus=1", null));
      assertThat(response.statusCode()).as(operation[0] + " " + operation[1]).isEqualTo(400);
    }
    contract.check(admin.send("DELETE", "/api/messages", null));
    contract.check(admin.send("POST", "/api/scenario", "rules: []"));
    for (String[] operation : operations()) {
      HttpResponse<String> response = contract.check(admin.send(operation[0], operation[1], BIG));
      assertThat(response.statusCode()).as(operation[0] + " " + operation[1]).isEqualTo(413);
    }
  }

  private void unauthorized() {
    AdminClient guarded = started(new AdminClient(SCENARIO, "s3cret"));
    for (String[] operation : operations()) {
      if (operation[1].startsWith("/api/")) {
        HttpResponse<String> response =
            contract.check(guarded.send(operation[0], operation[1], null));
        assertThat(response.statusCode()).as(operation[0] + " " + operation[1]).isEqualTo(401);
      }
    }
    HttpResponse<String> withToken =
        guarded.get("/api/openapi.json", "Authorization", "Bearer s3cret");
    assertThat(contract.check(withToken).statusCode()).isEqualTo(200);
  }

  private void tooManyLongPolls() {
    AdminClient polled = new AdminClient(SCENARIO);
    String never = "/api/messages?status=rejected&from=nobody&wait=60s";
    List<CompletableFuture<HttpResponse<String>>> parked =
        IntStream.range(0, LongPoll.MAX_WAITING)
            .mapToObj(
                i ->
                    polled
                        .http()
                        .sendAsync(
                            polled.request(never).build(), HttpResponse.BodyHandlers.ofString()))
            .toList();
    try {
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> polled.get("/api/messages?wait=1ms").statusCode() == 503);
      contract.check(polled.get("/api/messages?wait=1ms"));
    } finally {
      polled.close(); // answers every parked poll with what there is
    }
    parked.forEach(p -> contract.check(p.join()));
  }

  /** Every operation of the document as {method, a request path for it}. */
  private List<String[]> operations() {
    List<String[]> operations = new ArrayList<>();
    contract
        .document()
        .path("paths")
        .properties()
        .forEach(
            path -> {
              String request =
                  path.getKey().replace("{id}", "000000000000").replace("{file}", "app.js");
              path.getValue()
                  .fieldNames()
                  .forEachRemaining(
                      method -> {
                        if (!method.equals("parameters")) {
                          operations.add(new String[] {method.toUpperCase(Locale.ROOT), request});
                        }
                      });
            });
    return operations;
  }

  private JsonNode get(String path) {
    return json(admin.get(path));
  }

  private JsonNode json(HttpResponse<String> response) {
    return AdminClient.json(contract.check(response));
  }

  private AdminClient started(AdminClient client) {
    open.add(client);
    return client;
  }
}
