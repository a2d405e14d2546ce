package dev.smtpmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.smtpmock.testing.SmtpDialogue;
import java.io.File;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Starting and stopping servers leaks no thread and no file descriptor, and a port is free again
 * the moment its server is closed.
 */
class StartStopTest {

  private static void cycle() {
    try (SmtpMockServer smtp = SmtpMockServer.start();
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.expect("220 smtpmock.test ESMTP smtpmock");
      d.send("QUIT").expect("221 2.0.0 Bye");
    }
  }

  private static int openFileDescriptors() {
    String[] fds = new File("/proc/self/fd").list();
    return fds == null ? -1 : fds.length;
  }

  @Test
  void aThousandStartStopCyclesReturnToTheThreadAndDescriptorBaseline() {
    for (int i = 0; i < 10; i++) {
      cycle();
    }
    int threads = Thread.activeCount();
    int descriptors = openFileDescriptors();
    for (int i = 0; i < 1000; i++) {
      cycle();
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(Thread.activeCount()).isLessThanOrEqualTo(threads + 2);
              assertThat(openFileDescriptors()).isLessThanOrEqualTo(descriptors + 4);
            });
  }

  @Test
  void theSamePortCanBeBoundAgainAtOnce() {
    int port;
    try (SmtpMockServer first = SmtpMockServer.start();
        SmtpDialogue d = SmtpDialogue.connect(first.port())) {
      port = first.port();
      d.expect("220 smtpmock.test ESMTP smtpmock");
    }
    for (int i = 0; i < 20; i++) {
      try (SmtpMockServer again = SmtpMockServer.builder().port(port).start();
          SmtpDialogue d = SmtpDialogue.connect(again.port())) {
        d.expect("220 smtpmock.test ESMTP smtpmock");
        d.send("QUIT").expect("221 2.0.0 Bye");
      }
    }
  }
}
