package dev.smtpmock.bench.junit;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.bench.Mail;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The same test as {@link PerMethodSample}, with the server started by hand: launched the same way,
 * it shows what the extension adds on top of JUnit's own cost.
 */
public class ByHandSample {
  @Test
  void sendsOneMessage() {
    try (SmtpMockServer smtp = SmtpMockServer.start()) {
      Mail.send(smtp.port());
      smtp.awaitMessages(1, Duration.ofSeconds(5));
    }
  }
}
