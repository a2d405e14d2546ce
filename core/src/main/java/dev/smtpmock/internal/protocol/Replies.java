package dev.smtpmock.internal.protocol;

import dev.smtpmock.scenario.Reply;

/**
 * Every default reply, with the texts of Postfix 3.7's smtpd configured like smtpmock's defaults
 * (SPEC 3). Replies that carry a value of the moment are methods.
 */
public final class Replies {
  private Replies() {}

  /** Postfix postscreen's reply at its connection limit, instead of the greeting (SPEC 12). */
  public static final Reply ALL_PORTS_BUSY = Reply.of(421, "4.3.2", "All server ports are busy");

  public static final Reply HELO_SYNTAX = Reply.of(501, null, "Syntax: HELO hostname");
  public static final Reply EHLO_SYNTAX = Reply.of(501, null, "Syntax: EHLO hostname");
  public static final Reply MAIL_OK = Reply.of(250, "2.1.0", "Ok");
  public static final Reply RCPT_OK = Reply.of(250, "2.1.5", "Ok");
  public static final Reply MAIL_SYNTAX = Reply.of(501, "5.5.4", "Syntax: MAIL FROM:<address>");
  public static final Reply RCPT_SYNTAX = Reply.of(501, "5.5.4", "Syntax: RCPT TO:<address>");
  public static final Reply BAD_SENDER = Reply.of(501, "5.1.7", "Bad sender address syntax");
  public static final Reply BAD_RECIPIENT = Reply.of(501, "5.1.3", "Bad recipient address syntax");
  public static final Reply NEED_MAIL = Reply.of(503, "5.5.1", "Error: need MAIL command");
  public static final Reply NESTED_MAIL = Reply.of(503, "5.5.1", "Error: nested MAIL command");
  public static final Reply NEED_RCPT = Reply.of(503, "5.5.1", "Error: need RCPT command");
  public static final Reply MAIL_AFTER_BDAT = Reply.of(503, "5.5.1", "Error: MAIL after BDAT");
  public static final Reply RCPT_AFTER_BDAT = Reply.of(503, "5.5.1", "Error: RCPT after BDAT");
  public static final Reply DATA_AFTER_BDAT = Reply.of(503, "5.5.1", "Error: DATA after BDAT");
  // SPEC 3's text for every command after a 554 greeting (RFC 5321 section 3.1)
  public static final Reply NO_SERVICE = Reply.of(503, "5.5.1", "Error: no SMTP service");
  public static final Reply NO_VALID_RECIPIENTS =
      Reply.of(554, "5.5.1", "Error: no valid recipients");
  public static final Reply START_DATA = Reply.of(354, null, "End data with <CR><LF>.<CR><LF>");
  public static final Reply OK = Reply.of(250, "2.0.0", "Ok");
  public static final Reply VRFY_SYNTAX = Reply.of(501, "5.5.4", "Syntax: VRFY address [SMTPUTF8]");
  public static final Reply NOT_RECOGNIZED =
      Reply.of(500, "5.5.2", "Error: command not recognized");
  public static final Reply BYE = Reply.of(221, "2.0.0", "Bye");
  public static final Reply BAD_UTF8 = Reply.of(500, "5.5.2", "Error: bad UTF-8 syntax");
  public static final Reply BAD_SYNTAX = Reply.of(500, "5.5.2", "Error: bad syntax");
  public static final Reply LINE_TOO_LONG = Reply.of(500, "5.5.2", "Error: line too long");
  public static final Reply NOT_IMPLEMENTED =
      Reply.of(502, "5.5.1", "Error: command not implemented");
  public static final Reply AUTH_NOT_ENABLED =
      Reply.of(503, "5.5.1", "Error: authentication not enabled");
  public static final Reply READY_FOR_TLS = Reply.of(220, "2.0.0", "Ready to start TLS");
  public static final Reply TLS_ACTIVE = Reply.of(554, "5.5.1", "Error: TLS already active");
  public static final Reply AUTH_OK = Reply.of(235, "2.7.0", "Authentication successful");
  public static final Reply AUTH_UNKNOWN_MECHANISM = authFailed("Invalid authentication mechanism");
  public static final Reply ALREADY_AUTHENTICATED =
      Reply.of(503, "5.5.1", "Error: already authenticated");
  public static final Reply AUTH_ABORTED = Reply.of(501, "5.7.0", "Authentication aborted");
  public static final Reply SIZE_DECLARED_TOO_BIG =
      Reply.of(552, "5.3.4", "Message size exceeds fixed limit");
  public static final Reply DATA_TOO_BIG = Reply.of(552, "5.3.4", "Error: message file too big");
  public static final Reply TOO_MANY_RECIPIENTS =
      Reply.of(452, "4.5.3", "Error: too many recipients");
  public static final Reply AUTH_REQUIRED = Reply.of(530, "5.7.0", "Authentication required");
  public static final Reply TLS_REQUIRED =
      Reply.of(530, "5.7.0", "Must issue a STARTTLS command first");
  public static final Reply AUTH_SYNTAX = Reply.of(501, "5.5.4", "Syntax: AUTH mechanism");
  public static final Reply AUTH_IN_TRANSACTION =
      Reply.of(503, "5.5.1", "Error: MAIL transaction in progress");
  public static final Reply AUTH_CANNOT_DECODE = Reply.of(501, "5.5.2", "Cannot decode response");
  public static final Reply BAD_SIZE = Reply.of(501, "5.5.4", "Bad message size syntax");
  // 521: the chunk's end is unknown, so the session cannot go on; recorded from Postfix 3.7.11
  public static final Reply BDAT_SYNTAX = Reply.of(521, "5.5.4", "Syntax: BDAT count [LAST]");
  // The DSN parameters' replies, recorded from Postfix 3.7.11's smtpd (MAIL's lack "Error:").
  public static final Reply BAD_RET = Reply.of(501, "5.5.4", "Bad RET parameter syntax");
  public static final Reply BAD_ENVID = Reply.of(501, "5.5.4", "Bad ENVID parameter syntax");
  public static final Reply BAD_NOTIFY =
      Reply.of(501, "5.5.4", "Error: Bad NOTIFY parameter syntax");
  public static final Reply BAD_ORCPT = Reply.of(501, "5.5.4", "Error: Bad ORCPT parameter syntax");
  public static final Reply NON_ASCII_ADDRESS =
      Reply.of(553, "5.6.7", "Non-ASCII addresses are not permitted");

  /** {@code 501 5.5.4 Syntax: VERB} for a command that takes no argument. */
  public static Reply noArgument(String verb) {
    return Reply.of(501, "5.5.4", "Syntax: " + verb);
  }

  public static Reply greeting(String hostname, String greeting) {
    return Reply.of(220, null, hostname + " " + greeting);
  }

  public static Reply helo(String hostname) {
    return Reply.of(250, null, hostname);
  }

  /** LMTP's reply for one recipient at the end of the data: Dovecot's (SPEC 8). */
  public static Reply saved(String recipient, String id) {
    return Reply.of(250, "2.0.0", "<" + recipient + "> " + id + " Saved");
  }

  public static Reply queued(String id) {
    return Reply.of(250, "2.0.0", "Ok: queued as " + id);
  }

  public static Reply chunkReceived(long bytes) {
    return Reply.of(250, "2.0.0", "Ok: " + bytes + " bytes");
  }

  public static Reply chunksQueued(long total, String id) {
    return Reply.of(250, "2.0.0", "Ok: " + total + " bytes queued as " + id);
  }

  /** A BDAT chunk after a refused one, recorded from Postfix 3.7.11's smtpd. */
  public static Reply chunkDiscarded(long bytes) {
    return Reply.of(551, "5.0.0", "Discarded " + bytes + " bytes after earlier error");
  }

  public static Reply vrfy(String argument) {
    return Reply.of(252, "2.0.0", argument);
  }

  public static Reply unsupportedOption(String argument) {
    return Reply.of(555, "5.5.4", "Unsupported option: " + argument);
  }

  public static Reply authFailed(String reason) {
    return Reply.of(535, "5.7.8", "Error: authentication failed: " + reason);
  }

  /** An AUTH challenge; {@code base64} may be empty. */
  public static Reply authChallenge(String base64) {
    return Reply.of(334, null, base64);
  }

  public static Reply idleTimeout(String hostname) {
    return Reply.of(421, "4.4.2", hostname + " Error: timeout exceeded");
  }
}
