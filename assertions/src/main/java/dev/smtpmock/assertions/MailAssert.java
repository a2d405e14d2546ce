package dev.smtpmock.assertions;

import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions across a server's sessions and messages (an in-JVM server's or a container's): how
 * many, which one, and retries that span connections. Failures quote the transcripts.
 */
public final class MailAssert extends AbstractAssert<MailAssert, CapturedMail> {

  MailAssert(CapturedMail actual) {
    super(actual, MailAssert.class);
  }

  public MailAssert hasSessionCount(int count) {
    isNotNull();
    List<? extends CapturedSession> sessions = actual.sessions();
    if (sessions.size() != count) {
      throw Failures.comparing(
          info,
          described(
              "to have had " + count + " session(s), but it had " + sessions.size(), sessions),
          count,
          sessions.size(),
          sessions);
    }
    return this;
  }

  /** The number of accepted messages. */
  public MailAssert hasMessageCount(int count) {
    isNotNull();
    List<? extends CapturedMessage> messages = actual.messages();
    if (messages.size() != count) {
      List<? extends CapturedSession> sessions = actual.sessions();
      throw Failures.comparing(
          info,
          described(
              "to have accepted "
                  + count
                  + " message(s), but it accepted "
                  + messages.size()
                  + ": "
                  + messages,
              sessions),
          count,
          messages.size(),
          sessions);
    }
    return this;
  }

  /** The session at this index, oldest first. */
  public SessionAssert session(int index) {
    isNotNull();
    List<? extends CapturedSession> sessions = actual.sessions();
    if (index < 0 || index >= sessions.size()) {
      fail("to have a session at index " + index + ", but it had " + sessions.size(), sessions);
    }
    return new SessionAssert(sessions.get(index));
  }

  /** The one session the server had. */
  public SessionAssert onlySession() {
    hasSessionCount(1);
    return new SessionAssert(actual.sessions().get(0));
  }

  /** Every session satisfies the requirements. */
  public MailAssert allSessionsSatisfy(Consumer<SessionAssert> requirements) {
    isNotNull();
    actual.sessions().forEach(s -> requirements.accept(new SessionAssert(s)));
    return this;
  }

  /** The accepted message at this index, in order. */
  public MessageAssert message(int index) {
    isNotNull();
    List<? extends CapturedMessage> messages = actual.messages();
    if (index < 0 || index >= messages.size()) {
      fail(
          "to have an accepted message at index " + index + ", but it accepted " + messages.size(),
          actual.sessions());
    }
    return new MessageAssert(messages.get(index));
  }

  /** The one message the server accepted. */
  public MessageAssert onlyMessage() {
    hasMessageCount(1);
    return new MessageAssert(actual.messages().get(0));
  }

  /**
   * After the first reply with this code, the client tried the same again (the same verb; for MAIL
   * and RCPT the same address), in the same connection or a later one.
   *
   * <pre>{@code
   * assertThat(smtp).retriedAfter(451).inNewSession().waitedAtLeast(Duration.ofSeconds(1));
   * }</pre>
   */
  public RetryAssert retriedAfter(int code) {
    isNotNull();
    return Retries.after(actual.sessions(), code, actual.toString(), info);
  }

  private String described(String expectation, List<? extends CapturedSession> sessions) {
    return "Expecting "
        + actual
        + " "
        + expectation
        + "\ntranscripts:\n"
        + Quotes.transcripts(sessions);
  }

  private void fail(String expectation, List<? extends CapturedSession> sessions) {
    throw Failures.of(info, described(expectation, sessions), sessions);
  }
}
