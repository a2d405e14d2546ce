package dev.smtpmock;

/**
 * {@link SmtpMockServer#awaitMessages} gave up; the message lists what arrived and the transcripts
 * so far.
 */
public final class SmtpMockTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SmtpMockTimeoutException(String message) {
    super(message);
  }
}
