package dev.smtpmock.internal.protocol;

import dev.smtpmock.internal.message.MessageView;
import dev.smtpmock.internal.rules.Occurrence;
import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.ServerSettings;

/**
 * What the commands of one session have established: the settings it was accepted under, TLS, the
 * authenticated user and the open transaction. The handlers read and change it; the occurrences
 * that rules see are made from it.
 */
final class SessionState {
  private final ServerSettings settings;
  private final Runnable transactionEnded;
  private boolean tls;
  private String user;
  private Transaction transaction;
  private boolean serviceRefused;
  private boolean chunksRefused;

  /** {@code transactionEnded} runs whenever a transaction ends or a MAIL fails to open one. */
  SessionState(ServerSettings settings, Runnable transactionEnded) {
    this.settings = settings;
    this.transactionEnded = transactionEnded;
  }

  ServerSettings settings() {
    return settings;
  }

  boolean tls() {
    return tls;
  }

  /** The authenticated user (empty when the credentials named none), or null. */
  String user() {
    return user;
  }

  Transaction transaction() {
    return transaction;
  }

  /** The greeting was 554: every command but QUIT gets 503 from now on. */
  void refuseService() {
    serviceRefused = true;
  }

  boolean serviceRefused() {
    return serviceRefused;
  }

  void authenticated(String user) {
    this.user = user;
  }

  void tlsEstablished() {
    tls = true;
  }

  void openTransaction(Transaction transaction) {
    this.transaction = transaction;
  }

  /** A MAIL was refused: it was occurrence 1 of a transaction that never opened. */
  void transactionNotOpened() {
    transactionEnded.run();
  }

  void endTransaction() {
    transaction = null;
    chunksRefused = false;
    transactionEnded.run();
  }

  /**
   * A BDAT chunk was refused: the transaction's data is dropped, and the chunks that follow are
   * read and discarded up to the last one (RFC 3030 section 2); the transaction stays, as in
   * Postfix.
   */
  void refuseChunks() {
    chunksRefused = true;
    if (transaction != null) {
      transaction.dropChunks();
    }
  }

  boolean chunksRefused() {
    return chunksRefused;
  }

  /**
   * From a BDAT chunk to the last one, accepted or refused: MAIL, RCPT and DATA are out of sequence
   * (RFC 3030 section 2).
   */
  boolean chunking() {
    return chunksRefused || (transaction != null && transaction.chunks != null);
  }

  /** STARTTLS was accepted: the session starts afresh (RFC 3207 4.2). */
  void reset() {
    endTransaction();
    user = null;
  }

  /** The occurrence of a command that passed its checks; MAIL is inside the one it would open. */
  Occurrence occurrence(Command command, String matchText) {
    Event event = command.verb.event;
    String sender = transaction != null ? transaction.sender : null;
    String recipient = null;
    boolean inTransaction = transaction != null;
    if (event == Event.MAIL) {
      sender = command.address.address();
      inTransaction = true;
    } else if (event == Event.RCPT) {
      recipient = command.address.address();
    }
    return new Occurrence(
        event, matchText, command.line, sender, recipient, inTransaction, tls, user != null, null);
  }

  /** LMTP: recipient {@code index}'s turn at the end of the data; match sees its RCPT argument. */
  Occurrence delivery(int index) {
    return new Occurrence(
        Event.DELIVERY,
        transaction.recipientArguments.get(index),
        null,
        transaction.sender,
        transaction.recipients.get(index).address(),
        true,
        tls,
        user != null,
        null);
  }

  /** An occurrence not tied to a parsed command: connect, unknown, bdat, auth, message. */
  Occurrence occurrence(Event event, String matchText, String commandLine, MessageView message) {
    return new Occurrence(
        event,
        matchText,
        commandLine,
        transaction != null ? transaction.sender : null,
        null,
        transaction != null,
        tls,
        user != null,
        message);
  }
}
