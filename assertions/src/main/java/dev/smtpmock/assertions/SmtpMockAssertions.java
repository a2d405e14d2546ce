package dev.smtpmock.assertions;

/**
 * AssertJ entry points for the dialogue assertions, on whatever captured the mail: a container's
 * {@code SmtpMockClient} and its records here, an in-JVM server through {@code
 * dev.smtpmock.junit.SmtpMockAssertions}, which extends this class with core's types.
 *
 * <pre>{@code
 * assertThat(smtp.client()).onlySession().sentVerbs("EHLO", "MAIL", "RCPT", "DATA", "QUIT");
 * assertThat(smtp.client()).retriedAfter(451).inNewSession().waitedAtLeast(Duration.ofSeconds(1));
 * assertThat(smtp.client()).onlyMessage().hasSender("app@example.com").hasSubject("Grüße");
 * }</pre>
 *
 * <p>Needs {@code assertj-core} on the test class path.
 */
public class SmtpMockAssertions {
  /** Open for {@code dev.smtpmock.junit.SmtpMockAssertions}, which adds core's types. */
  protected SmtpMockAssertions() {}

  public static MailAssert assertThat(CapturedMail mail) {
    return new MailAssert(mail);
  }

  public static SessionAssert assertThat(CapturedSession session) {
    return new SessionAssert(session);
  }

  public static MessageAssert assertThat(CapturedMessage message) {
    return new MessageAssert(message);
  }
}
