package dev.smtpmock.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.scenario.Scenario;
import dev.smtpmock.testing.SmtpDialogue;
import jakarta.mail.MessagingException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code blackhole}: accepted, never greeted; the server closes after its idle timeout. */
class BlackholeScenarioTest {

  @Test
  void aClientWithATwoSecondReadTimeoutGivesUpWithoutEverBeingGreeted() {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("blackhole"))) {
      Mailer mailer = Mailer.of(smtp).timeouts(Duration.ofSeconds(2));

      long start = System.nanoTime();
      assertThatThrownBy(() -> mailer.send(mailer.message("Lost", "user@example.test")))
          .isInstanceOf(MessagingException.class)
          .hasRootCauseInstanceOf(SocketTimeoutException.class);
      Duration waited = Duration.ofNanos(System.nanoTime() - start);

      assertThat(waited).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(10));
      SmtpSession session = smtp.sessions().get(0);
      assertThat(session.lines())
          .singleElement()
          .satisfies(
              line -> {
                assertThat(line.text()).isEqualTo("(fault: hang)");
                assertThat(line.rule().name()).isEqualTo("blackhole");
              });
      // the server is still holding the connection: it lets it go only after its idle timeout
      assertThat(session.isOpen()).isTrue();
      assertThat(smtp.allMessages()).isEmpty();
    }
  }

  @Test
  void theServerHoldsAHungConnectionForFiveMinutesLongerThanAnyClientTimeout() {
    assertThat(Scenario.resolve("blackhole").server().idleTimeout())
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void theServerClosesTheHungConnectionSilentlyOnceItsIdleTimeoutHasPassed() {
    Scenario shortIdle = Scenario.parse("extends: blackhole\nserver: {idle-timeout: 1s}", "t.yaml");
    try (SmtpMockServer smtp = SmtpMockServer.start(shortIdle);
        SmtpDialogue d = SmtpDialogue.connect(smtp.host(), smtp.port())) {
      long start = System.nanoTime();
      byte[] sent = d.readToEnd();
      Duration held = Duration.ofNanos(System.nanoTime() - start);

      assertThat(sent).as("end of stream, no greeting and no 421").isEmpty();
      assertThat(held).isGreaterThanOrEqualTo(Duration.ofMillis(900));
      await().until(() -> !smtp.sessions().get(0).isOpen());
      assertThat(smtp.sessions().get(0).end()).isEqualTo(SmtpSession.End.FAULT);
    }
  }
}
