package dev.smtpmock.testcontainers;

import java.util.List;

/**
 * A call to smtpmock's admin API failed: the API answered with an error (see {@link #status()}),
 * could not be reached, or {@link SmtpMockClient#awaitMessages} gave up waiting.
 */
public class SmtpMockClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient List<SmtpMockClient.Problem> problems;

  SmtpMockClientException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
    this.problems = List.of();
  }

  SmtpMockClientException(String message, int status, List<SmtpMockClient.Problem> problems) {
    super(message);
    this.status = status;
    this.problems = List.copyOf(problems);
  }

  /** The HTTP status the admin API answered with, or 0 when there was no answer to blame. */
  public int status() {
    return status;
  }

  /**
   * Every problem of a scenario that {@link SmtpMockClient#scenario(String)} refused (status 400);
   * empty otherwise.
   */
  public List<SmtpMockClient.Problem> problems() {
    return problems == null ? List.of() : problems;
  }
}
