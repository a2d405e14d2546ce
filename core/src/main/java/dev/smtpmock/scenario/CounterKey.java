package dev.smtpmock.scenario;

/** A value that keeps separate counters for a rule (SPEC 2.4, {@code key}). */
public enum CounterKey {
  /** The client's IP address. */
  CLIENT,
  /** The transaction's MAIL FROM address. */
  SENDER,
  /** This RCPT's address. */
  RECIPIENT;
}
