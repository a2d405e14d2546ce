package dev.smtpmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.smtpmock.testing.Dialogue;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Starting and stopping servers leaks no thread, and every server gets its own port. */
class StartStopTest {

  private static void cycle() {
    try (SmtpMockServer smtp = SmtpMockServer.start();
        Dialogue d = Dialogue.connect(smtp)) {
      d.expect("220 smtpmock.test ESMTP smtpmock");
      d.send("QUIT").expect("221 2.0.0 Bye");
    }
  }

  @Test
  void hundredsOfStartStopCyclesReturnToTheThreadBaseline() {
    for (int i = 0; i < 10; i++) {
      cycle();
    }
    int baseline = Thread.activeCount();
    for (int i = 0; i < 300; i++) {
      cycle();
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(Thread.activeCount()).isLessThanOrEqualTo(baseline + 2));
  }
}
