package dev.smtpmock.testcontainers;

import static dev.smtpmock.assertions.SmtpMockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpmock.testcontainers.SmtpMockClient.Message;
import dev.smtpmock.testcontainers.SmtpMockClient.Session;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Messages and sessions read back through the admin API client. */
@RequiresSmtpMockImage
@Testcontainers
class MessagesAndSessionsIT {

  // container {
  @Container
  static SmtpMockContainer smtp =
      new SmtpMockContainer(SmtpMockImage.IMAGE)
          .withScenario(
              """
              rules:
                - name: spam
                  when: message
                  header: { Subject: spam }
                  reply: 554 5.7.1 Message rejected as spam
              """);

  // }

  @BeforeEach
  void reset() {
    smtp.client().reset();
  }

  @Test
  void acceptedMessagesReadBackWithTheirEnvelopeAndHeaders() throws Exception {
    Instant before = Instant.now().minusSeconds(5);
    // read-back {
    Mail.to(smtp.getSmtpHost(), smtp.getSmtpPort())
        .send("app@example.test", "alice@example.test, bob@example.test", "Welcome", "Hello!");

    List<SmtpMockClient.Message> messages = smtp.client().awaitMessages(1, Duration.ofSeconds(10));
    assertThat(messages.get(0).recipientAddresses())
        .containsExactly("alice@example.test", "bob@example.test");
    // }

    // the assertions core's tests use {
    assertThat(smtp.client())
        .onlyMessage()
        .isAccepted()
        .hasSender("app@example.test")
        .hasRecipients("alice@example.test", "bob@example.test")
        .hasSubject("Welcome")
        .hasHeader("X-Test", "Welcome")
        .hasBody("Hello!");
    // }
    Message message = messages.get(0);
    assertThat(message.id()).matches("[0-9A-F]{12}");
    assertThat(message.reply()).isEqualTo("250 2.0.0 Ok: queued as " + message.id());
    assertThat(message.header("x-test")).isEqualTo("Welcome");
    assertThat(message.headerValues("To")).hasSize(1);
    assertThat(message.connection()).isEqualTo(1);
    assertThat(message.sessionId()).isNotBlank();
    assertThat(message.size()).isPositive();
    assertThat(message.truncated()).isFalse();
    assertThat(message.receivedAt()).isAfter(before).isBefore(Instant.now().plusSeconds(5));

    assertThat(smtp.client().message(message.id())).isEqualTo(message);
    String raw = new String(smtp.client().rawMessage(message.id()), StandardCharsets.UTF_8);
    assertThat(raw).contains("Subject: Welcome\r\n").contains("\r\n\r\nHello!");
    assertThat(message.data()).isEqualTo(smtp.client().rawMessage(message.id()));
  }

  @Test
  void sessionsCarryTheTranscriptAndHowTheyEnded() throws Exception {
    Mail.to(smtp).send("app@example.test", "alice@example.test", "Hi", "Hello!");

    assertThat(smtp.client())
        .onlySession()
        .sentVerbs("EHLO", "MAIL", "RCPT", "DATA", "QUIT")
        .sentInOrder("MAIL FROM:<app@example.test>", "RCPT TO:<alice@example.test>")
        .receivedReply("221 2.0.0 Bye")
        .endedWith(Session.End.QUIT);
    Session session = smtp.client().sessions().get(0);
    assertThat(session.id()).isEqualTo(smtp.client().messages().get(0).sessionId());
    assertThat(session.connection()).isEqualTo(1);
    assertThat(session.clientAddress()).isNotBlank();
    assertThat(session.isOpen()).isFalse();
    assertThat(session.startedAt()).isBeforeOrEqualTo(session.endedAt());
    assertThat(session.tls()).isNull();
    assertThat(session.replies().get(0)).startsWith("220 smtpmock.test ESMTP");
    assertThat(session.transcript()).contains("C: QUIT").contains("S: 221 2.0.0 Bye");
  }

  @Test
  void rejectedMessagesAreKeptWithTheirStatusAndTheRuleThatFired() throws Exception {
    assertThatThrownBy(
            () -> Mail.to(smtp).send("app@example.test", "alice@example.test", "spam", "Buy!"))
        .hasMessageContaining("554 5.7.1");

    assertThat(smtp.client().messages()).isEmpty();
    assertThat(smtp.client().messages(Message.Status.REJECTED)).hasSize(1);
    assertThat(smtp.client().messages(Message.Status.REJECTED).get(0))
        .hasStatus(Message.Status.REJECTED)
        .hasSubject("spam");
    assertThat(smtp.client().sessions().get(0)).receivedReply("554 5.7.1 Message rejected as spam");
    assertThat(smtp.client().allMessages()).hasSize(1);
    assertThat(smtp.client().stats().rejected()).isEqualTo(1);
    assertThat(smtp.client().stats().fired("spam")).isEqualTo(1);
    assertThat(smtp.client().sessions().get(0).lines())
        .filteredOn(line -> line.rule() != null)
        .singleElement()
        .satisfies(line -> assertThat(line.rule().line()).isEqualTo(2));
  }

  @Test
  void awaitMessagesWaitsOnTheServerUntilTheMessagesArrive() throws Exception {
    CompletableFuture<List<Message>> waiting =
        CompletableFuture.supplyAsync(() -> smtp.client().awaitMessages(2, Duration.ofSeconds(30)));
    Thread.sleep(300);
    assertThat(waiting).isNotDone();

    Mail.to(smtp).send("app@example.test", "alice@example.test", "one", "1");
    Mail.to(smtp).send("app@example.test", "alice@example.test", "two", "2");

    assertThat(waiting.get(20, TimeUnit.SECONDS))
        .extracting(Message::subject)
        .containsExactly("one", "two");
  }

  @Test
  void awaitMessagesGivesUpWithWhatItSaw() throws Exception {
    Mail.to(smtp).send("app@example.test", "alice@example.test", "only one", "1");

    assertThatThrownBy(() -> smtp.client().awaitMessages(2, Duration.ofMillis(500)))
        .isInstanceOf(SmtpMockClientException.class)
        .hasMessageContaining("expected at least 2 accepted messages within 500ms, got 1")
        .hasMessageContaining("only one")
        .hasMessageContaining("C: MAIL FROM:<app@example.test>");
  }

  @Test
  void resetForgetsMessagesAndSessions() throws Exception {
    Mail.to(smtp).send("app@example.test", "alice@example.test", "Hi", "Hello!");
    assertThat(smtp.client().messages()).hasSize(1);

    smtp.client().reset();

    assertThat(smtp.client().messages()).isEmpty();
    assertThat(smtp.client().sessions()).isEmpty();
    assertThat(smtp.client().stats().accepted()).isZero();
  }
}
