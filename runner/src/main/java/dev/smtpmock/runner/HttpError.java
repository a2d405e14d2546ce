package dev.smtpmock.runner;

/** A request the admin API refuses: becomes {@code {"error":…,"status":…}}. */
final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  HttpError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
