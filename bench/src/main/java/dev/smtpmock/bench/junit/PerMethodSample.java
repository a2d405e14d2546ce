package dev.smtpmock.bench.junit;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.bench.Mail;
import dev.smtpmock.junit.SmtpMock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A user's test with the extension's per-method lifecycle: a fresh server per test on a free port.
 * Not run by Surefire (it lives in main); {@link JUnitRun} launches it for the benchmark.
 */
@SmtpMock(lifecycle = SmtpMock.Lifecycle.PER_METHOD)
public class PerMethodSample {
  @Test
  void sendsOneMessage(SmtpMockServer smtp) {
    Mail.send(smtp.port());
    smtp.awaitMessages(1, Duration.ofSeconds(5));
  }
}
