package dev.smtpmock.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.testing.Dialogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * After the 221 to QUIT the server lets the client close first, so that the minute of TIME_WAIT
 * stays with the client's port: a suite that starts a server per test otherwise fills the machine's
 * port range with the servers' TIME_WAIT sockets, and every bind and connect slows down.
 */
class QuitCloseTest {
  private SmtpMockServer smtp;

  @BeforeEach
  void start() {
    smtp = SmtpMockServer.start();
  }

  @AfterEach
  void stop() {
    smtp.close();
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void timeWaitStaysOnTheClientsSideWhenTheClientClosesAfterThe221() throws IOException {
    int clientPort;
    try (Dialogue d = Dialogue.connect(smtp)) {
      clientPort = d.socket().getLocalPort();
      d.expect("220 smtpmock.test ESMTP smtpmock");
      d.send("QUIT").expect("221 2.0.0 Bye");
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> timeWaitLocalPorts().contains(clientPort));
    assertThat(timeWaitLocalPorts()).doesNotContain(smtp.port());
  }

  @Test
  void aClientThatWaitsForTheServerToCloseGetsItsEndSoon() {
    try (Dialogue d = Dialogue.connect(smtp)) {
      d.expect("220 smtpmock.test ESMTP smtpmock");
      long start = System.nanoTime();
      d.send("QUIT").expect("221 2.0.0 Bye");

      assertThat(d.closedHow()).isEqualTo(Dialogue.Closed.FIN);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  /**
   * The local ports of the sockets in TIME_WAIT (state 06). Java's sockets are IPv6 sockets with
   * mapped IPv4 addresses, listed in /proc/net/tcp6.
   */
  private static List<Integer> timeWaitLocalPorts() throws IOException {
    List<Integer> ports = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try (Stream<String> lines = Files.lines(Path.of(table))) {
        lines
            .skip(1)
            .map(line -> line.trim().split("\\s+"))
            .filter(f -> f[3].equals("06"))
            .map(f -> Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16))
            .forEach(ports::add);
      }
    }
    return ports;
  }
}
