package dev.smtpmock.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Rule;
import dev.smtpmock.scenario.Scenario;
import jakarta.mail.MessagingException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code slow-server}: seconds of delay before the greeting, each reply and the end of data. */
class SlowServerScenarioTest {

  /** The library scenario with its delays cut to fractions of a second, so that tests are fast. */
  private static Scenario fasterSlowServer() {
    return Scenario.parse(
        """
        extends: slow-server
        rules:
          - name: test-greeting
            when: connect
            delay: 300ms
          - name: test-scan
            when: message
            delay: 500ms
          - name: test-commands
            when: any
            delay: 100ms..200ms
        """,
        "faster-slow-server.yaml");
  }

  @Test
  void theLibraryScenarioDelaysTheGreetingEachCommandAndTheEndOfDataBySeconds() {
    Map<Event, Rule.Delay> delays =
        Scenario.resolve("slow-server").rules().stream()
            .collect(Collectors.toMap(r -> r.matching().events().iterator().next(), Rule::delay));

    assertThat(delays)
        .containsEntry(Event.CONNECT, new Rule.Delay(Duration.ofSeconds(3), Duration.ofSeconds(3)))
        .containsEntry(Event.ANY, new Rule.Delay(Duration.ofSeconds(1), Duration.ofSeconds(3)))
        .containsEntry(
            Event.MESSAGE, new Rule.Delay(Duration.ofSeconds(5), Duration.ofSeconds(10)));
  }

  @Test
  void aClientWithPatientTimeoutsGetsThroughAndEveryReplyCameLate() throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start(fasterSlowServer())) {
      Mailer mailer = Mailer.of(smtp).timeouts(Duration.ofSeconds(2));

      long start = System.nanoTime();
      mailer.send(mailer.message("Patience", "user@example.test"));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      // greeting 300 ms + EHLO, MAIL, RCPT, DATA at 100 ms or more each + 500 ms for the data
      assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300 + 4 * 100 + 500));
      assertThat(smtp.messages()).hasSize(1);
      SmtpSession session = smtp.sessions().get(0);
      assertThat(gap(session, "C: MAIL FROM", "S: 250 2.1.0 Ok"))
          .isGreaterThanOrEqualTo(Duration.ofMillis(100));
      assertThat(gap(session, "C: (message data", "S: 250 2.0.0 Ok: queued as"))
          .isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }
  }

  @Test
  void aClientWhoseReadTimeoutIsShorterThanTheScanGivesUpWithoutAReply() {
    try (SmtpMockServer smtp = SmtpMockServer.start(fasterSlowServer())) {
      Mailer mailer = Mailer.of(smtp).timeouts(Duration.ofMillis(400));

      assertThatThrownBy(() -> mailer.send(mailer.message("Impatience", "user@example.test")))
          .isInstanceOf(MessagingException.class)
          .hasRootCauseInstanceOf(SocketTimeoutException.class);
      SmtpSession session = smtp.sessions().get(0);
      assertThat(session.commands()).contains("DATA");
      // the client closed before the 250 was written: the message was not accepted (SPEC 4.3)
      await().until(() -> !smtp.allMessages().isEmpty() && !smtp.sessions().get(0).isOpen());
      assertThat(smtp.messages()).isEmpty();
      assertThat(smtp.allMessages())
          .singleElement()
          .satisfies(m -> assertThat(m.status()).isEqualTo(ReceivedMessage.Status.INCOMPLETE));
    }
  }

  /** The time from the first line starting with {@code from} to the next one with {@code to}. */
  private static Duration gap(SmtpSession session, String from, String to) {
    List<SmtpSession.Line> lines = session.lines();
    Instant start = null;
    for (SmtpSession.Line line : lines) {
      if (start == null && line.toString().startsWith(from)) {
        start = line.at();
      } else if (start != null && line.toString().startsWith(to)) {
        return Duration.between(start, line.at());
      }
    }
    throw new AssertionError("no " + from + " … " + to + " in\n" + session);
  }
}
