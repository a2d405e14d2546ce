package dev.smtpmock.scenario;

/** What happens to the connection after a reply has been written (SPEC 2.6). */
public enum Then {
  CLOSE,
  RESET,
  HANG;
}
