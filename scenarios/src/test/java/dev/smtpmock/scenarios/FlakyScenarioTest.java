package dev.smtpmock.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.scenario.Scenario;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** {@code flaky}: seeded temporary failures at connect, MAIL, RCPT and the end of the data. */
class FlakyScenarioTest {
  private static final int MESSAGES = 20;

  /** Sends one message per connection and names, per connection, the rule that failed it. */
  private static List<String> failuresOfOneRun(SmtpMockServer smtp) {
    Mailer mailer = Mailer.of(smtp);
    for (int i = 1; i <= MESSAGES; i++) {
      try {
        mailer.send(mailer.message("Message " + i, "user@example.test"));
      } catch (MessagingException e) {
        assertThat(Mailer.replyCode(e) / 100).as("%s", e).isEqualTo(4);
      }
    }
    return smtp.sessions().stream().map(FlakyScenarioTest::failure).toList();
  }

  /** The rule that answered in this session, or "delivered". */
  private static String failure(SmtpSession session) {
    return session.lines().stream()
        .map(SmtpSession.Line::rule)
        .filter(Objects::nonNull)
        .map(SmtpSession.RuleRef::name)
        .findFirst()
        .orElse("delivered");
  }

  @Test
  void theSameSeedMeetsTheSameTemporaryFailuresAtEveryStepOnEveryRun() {
    List<String> first;
    List<String> second;
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("flaky"))) {
      first = failuresOfOneRun(smtp);
      assertThat(smtp.seed()).isEqualTo(5321);
    }
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("flaky"))) {
      second = failuresOfOneRun(smtp);
    }

    assertThat(second).isEqualTo(first);
    assertThat(first)
        .contains(
            "busy-on-connect", "throttled-mail", "recipient-deferred", "temporarily-rejected");
    assertThat(first).filteredOn("delivered"::equals).hasSizeGreaterThan(MESSAGES / 2);
  }

  @Test
  void anotherSeedMeetsOtherFailures() {
    List<String> seeded;
    List<String> reseeded;
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("flaky"))) {
      seeded = failuresOfOneRun(smtp);
    }
    try (SmtpMockServer smtp =
        SmtpMockServer.builder().scenario(Scenario.resolve("flaky")).seed(1).start()) {
      reseeded = failuresOfOneRun(smtp);
    }
    assertThat(reseeded).isNotEqualTo(seeded);
  }

  @Test
  void aClientThatRetriesEveryTemporaryFailureDeliversEveryMessageExactlyOnce() throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("flaky"))) {
      Mailer mailer = Mailer.of(smtp);
      List<MessagingException> failures = new ArrayList<>();

      for (int i = 1; i <= MESSAGES; i++) {
        List<MessagingException> attempts =
            mailer.sendWithRetries(
                mailer.message("Message " + i, "user@example.test"), 10, Duration.ofMillis(10));
        assertThat(attempts).last().as("message %d delivered", i).isNull();
        failures.addAll(attempts.subList(0, attempts.size() - 1));
      }

      assertThat(failures)
          .isNotEmpty()
          .allSatisfy(e -> assertThat(Mailer.replyCode(e) / 100).isEqualTo(4));
      assertThat(smtp.messages())
          .extracting(ReceivedMessage::subject)
          .hasSize(MESSAGES)
          .doesNotHaveDuplicates();
      assertThat(smtp.allMessages())
          .filteredOn(m -> m.status() == ReceivedMessage.Status.REJECTED)
          .allSatisfy(m -> assertThat(m.reply()).startsWith("451 4.3.0 "));
    }
  }
}
