package dev.smtpmock.junit;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;

/**
 * AssertJ entry points for the dialogue assertions: what the client did, not only the mail.
 *
 * <pre>{@code
 * assertThat(smtp).onlySession().sentVerbs("EHLO", "MAIL", "RCPT", "RCPT", "DATA", "QUIT");
 * assertThat(smtp).retriedAfter(451).inNewSession().waitedAtLeast(Duration.ofSeconds(1));
 * assertThat(smtp).onlyMessage().hasSender("app@example.com").hasSubject("Welcome");
 * }</pre>
 *
 * <p>Needs {@code assertj-core} on the test class path; the extension itself does not.
 */
public final class SmtpMockAssertions {
  private SmtpMockAssertions() {}

  public static SmtpMockServerAssert assertThat(SmtpMockServer server) {
    return new SmtpMockServerAssert(server);
  }

  public static SmtpSessionAssert assertThat(SmtpSession session) {
    return new SmtpSessionAssert(session);
  }

  public static ReceivedMessageAssert assertThat(ReceivedMessage message) {
    return new ReceivedMessageAssert(message);
  }
}
