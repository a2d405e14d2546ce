package dev.smtpmock.junit;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.assertions.MailAssert;
import dev.smtpmock.assertions.MessageAssert;
import dev.smtpmock.assertions.SessionAssert;

/**
 * AssertJ entry points for the dialogue assertions: what the client did, not only the mail. Takes
 * core's server, sessions and messages, and (inherited) a container's {@code SmtpMockClient} and
 * its records: one set of assertions for in-JVM and container tests.
 *
 * <pre>{@code
 * assertThat(smtp).onlySession().sentVerbs("EHLO", "MAIL", "RCPT", "RCPT", "DATA", "QUIT");
 * assertThat(smtp).retriedAfter(451).inNewSession().waitedAtLeast(Duration.ofSeconds(1));
 * assertThat(smtp).onlyMessage().hasSender("app@example.com").hasSubject("Grüße aus Köln");
 * }</pre>
 *
 * <p>Needs {@code assertj-core} on the test class path; the extension itself does not.
 */
public final class SmtpMockAssertions extends dev.smtpmock.assertions.SmtpMockAssertions {
  private SmtpMockAssertions() {}

  public static MailAssert assertThat(SmtpMockServer server) {
    return assertThat(new CoreViews.Mail(server));
  }

  public static SessionAssert assertThat(SmtpSession session) {
    return assertThat(new CoreViews.Session(session));
  }

  public static MessageAssert assertThat(ReceivedMessage message) {
    return assertThat(new CoreViews.Message(message));
  }
}
