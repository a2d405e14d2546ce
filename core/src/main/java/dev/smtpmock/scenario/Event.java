package dev.smtpmock.scenario;

/** What a rule can react to (SPEC 2.2). */
public enum Event {
  CONNECT,
  HELO,
  EHLO,
  STARTTLS,
  AUTH,
  MAIL,
  RCPT,
  DATA,
  BDAT,
  MESSAGE,
  /** LMTP: one accepted recipient's turn at the end of the data (SPEC 8). */
  DELIVERY,
  RSET,
  NOOP,
  VRFY,
  EXPN,
  HELP,
  QUIT,
  UNKNOWN,
  ANY;
}
