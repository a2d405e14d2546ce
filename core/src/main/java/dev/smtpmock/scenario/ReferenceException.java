package dev.smtpmock.scenario;

/**
 * A scenario reference that leads nowhere: an unknown built-in name, a missing file or resource, an
 * {@code extends} cycle. Checked, so that each caller decides where the problem is reported: at the
 * {@code extends} value, or against the reference itself.
 */
final class ReferenceException extends Exception {
  private static final long serialVersionUID = 1L;

  ReferenceException(String message) {
    super(message);
  }
}
