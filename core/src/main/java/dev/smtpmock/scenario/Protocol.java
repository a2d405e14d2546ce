package dev.smtpmock.scenario;

/** What the server speaks ({@code server.protocol}): SMTP (RFC 5321) or LMTP (RFC 2033, SPEC 8). */
public enum Protocol {
  SMTP,
  LMTP;
}
