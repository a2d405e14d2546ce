package dev.smtpmock.scenario;

/** A failure of the transport rather than a reply (SPEC 2.6). */
public enum Fault {
  /** Close without a reply (FIN). */
  DISCONNECT,
  /** Abort with a TCP RST. */
  RESET,
  /** Never reply; stop reading; close silently after the idle timeout. */
  HANG,
  /** On STARTTLS: write the 220, wait for the first TLS record, then RST. */
  TLS_FAILURE;
}
