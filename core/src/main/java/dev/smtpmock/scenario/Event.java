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
  RSET,
  NOOP,
  VRFY,
  EXPN,
  HELP,
  QUIT,
  UNKNOWN,
  ANY;
}
