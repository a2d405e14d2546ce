package dev.smtpmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.testcontainers.SmtpMockClient.Message;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Two containers, both started before either is used, each answer on their own ports. */
@RequiresSmtpMockImage
@Testcontainers(parallel = true)
class TwoContainersIT {

  @Container
  static SmtpMockContainer primary =
      new SmtpMockContainer(SmtpMockImage.IMAGE)
          .withScenario("server: { hostname: primary.example.test }");

  @Container
  static SmtpMockContainer fallback =
      new SmtpMockContainer(SmtpMockImage.IMAGE)
          .withScenario("server: { hostname: fallback.example.test }");

  @Test
  void bothContainersAnswerAndKeepTheirOwnMessages() throws Exception {
    assertThat(primary.isRunning()).isTrue();
    assertThat(fallback.isRunning()).isTrue();
    assertThat(primary.getSmtpPort()).isNotEqualTo(fallback.getSmtpPort());

    Mail.to(fallback).send("app@example.test", "alice@example.test", "to fallback", "1");
    Mail.to(primary).send("app@example.test", "alice@example.test", "to primary", "2");

    assertThat(primary.client().awaitMessages(1, Duration.ofSeconds(10)))
        .extracting(Message::subject, Message::connection)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("to primary", 1));
    assertThat(fallback.client().awaitMessages(1, Duration.ofSeconds(10)))
        .extracting(Message::subject, Message::connection)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("to fallback", 1));
    assertThat(primary.client().sessions().get(0).replies().get(0))
        .startsWith("220 primary.example.test ");
    assertThat(fallback.client().sessions().get(0).replies().get(0))
        .startsWith("220 fallback.example.test ");
  }
}
