package dev.smtpmock.bench.jmh;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.bench.Mail;
import java.net.InetAddress;
import java.time.Duration;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.wiser.Wiser;

/**
 * What one test does with each server, the way its documentation shows: start it on a free port,
 * send one message with Jakarta Mail (which reads the 220 greeting first), see the message
 * captured, stop the server.
 */
final class OneTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private OneTest() {}

  static void smtpmock() {
    smtpmock(false);
  }

  static void greenmail() {
    greenmail(false);
  }

  static void wiser() {
    wiser(false);
  }

  /** {@code abortive}: the client closes with a TCP RST, so nothing is left in TIME_WAIT. */
  private static void send(int port, boolean abortive) {
    if (abortive) {
      Mail.sendClosingAbortively(port);
    } else {
      Mail.send(port);
    }
  }

  static void smtpmock(boolean abortive) {
    try (SmtpMockServer smtp = SmtpMockServer.start()) {
      send(smtp.port(), abortive);
      smtp.awaitMessages(1, WAIT);
    }
  }

  static void greenmail(boolean abortive) {
    GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
    greenMail.start();
    try {
      send(greenMail.getSmtp().getPort(), abortive);
      if (!greenMail.waitForIncomingEmail(WAIT.toMillis(), 1)) {
        throw new IllegalStateException("GreenMail did not capture the message");
      }
    } finally {
      greenMail.stop();
    }
  }

  static void wiser(boolean abortive) {
    Wiser wiser = Wiser.create(SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress()));
    wiser.start();
    try {
      send(wiser.getServer().getPortAllocated(), abortive);
      if (wiser.getMessages().size() != 1) {
        throw new IllegalStateException("Wiser did not capture the message");
      }
    } finally {
      wiser.stop();
    }
  }
}
