package dev.smtpmock.junit;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions across a server's sessions and messages: how many, which one, and retries that span
 * connections. Failures quote the transcripts.
 */
public final class SmtpMockServerAssert
    extends AbstractAssert<SmtpMockServerAssert, SmtpMockServer> {

  SmtpMockServerAssert(SmtpMockServer actual) {
    super(actual, SmtpMockServerAssert.class);
  }

  public SmtpMockServerAssert hasSessionCount(int count) {
    isNotNull();
    List<SmtpSession> sessions = actual.sessions();
    if (sessions.size() != count) {
      fail("to have had " + count + " session(s), but it had " + sessions.size(), sessions);
    }
    return this;
  }

  /** The number of accepted messages. */
  public SmtpMockServerAssert hasMessageCount(int count) {
    isNotNull();
    List<ReceivedMessage> messages = actual.messages();
    if (messages.size() != count) {
      fail(
          "to have accepted "
              + count
              + " message(s), but it accepted "
              + messages.size()
              + ": "
              + messages,
          actual.sessions());
    }
    return this;
  }

  /** The session at this index, oldest first. */
  public SmtpSessionAssert session(int index) {
    isNotNull();
    List<SmtpSession> sessions = actual.sessions();
    if (index < 0 || index >= sessions.size()) {
      fail("to have a session at index " + index + ", but it had " + sessions.size(), sessions);
    }
    return new SmtpSessionAssert(sessions.get(index));
  }

  /** The one session the server had. */
  public SmtpSessionAssert onlySession() {
    hasSessionCount(1);
    return new SmtpSessionAssert(actual.sessions().get(0));
  }

  /** Every session satisfies the requirements. */
  public SmtpMockServerAssert allSessionsSatisfy(Consumer<SmtpSessionAssert> requirements) {
    isNotNull();
    actual.sessions().forEach(s -> requirements.accept(new SmtpSessionAssert(s)));
    return this;
  }

  /** The accepted message at this index, in order. */
  public ReceivedMessageAssert message(int index) {
    isNotNull();
    List<ReceivedMessage> messages = actual.messages();
    if (index < 0 || index >= messages.size()) {
      fail(
          "to have an accepted message at index " + index + ", but it accepted " + messages.size(),
          actual.sessions());
    }
    return new ReceivedMessageAssert(messages.get(index));
  }

  /** The one message the server accepted. */
  public ReceivedMessageAssert onlyMessage() {
    hasMessageCount(1);
    return new ReceivedMessageAssert(actual.messages().get(0));
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
    return Retries.after(actual.sessions(), code, "server " + actual);
  }

  private void fail(String expectation, List<SmtpSession> sessions) {
    failWithMessage(
        "%s",
        "Expecting "
            + actual
            + " "
            + expectation
            + "\ntranscripts:\n"
            + Quotes.transcripts(sessions));
  }
}
