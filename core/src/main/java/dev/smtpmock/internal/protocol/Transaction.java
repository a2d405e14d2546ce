package dev.smtpmock.internal.protocol;

import dev.smtpmock.ReceivedMessage.Recipient;
import dev.smtpmock.internal.rules.AfterBytesWatch;
import dev.smtpmock.scenario.Reply;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A mail transaction from MAIL to the reply to its message (or RSET, HELO/EHLO, STARTTLS). */
final class Transaction {
  final String sender;
  final Map<String, String> senderParameters;
  final boolean smtputf8;
  final List<Recipient> recipients = new ArrayList<>();
  // Each accepted recipient's RCPT argument as sent, in step with recipients: what an LMTP
  // delivery rule's match sees (SPEC 8).
  final List<String> recipientArguments = new ArrayList<>();

  /** BDAT chunks so far; null until the first chunk. */
  ByteArrayOutputStream chunks;

  long chunkBytes;
  boolean chunksOverLimit;

  /** Watches the chunks for after-bytes rules; null when there are none. */
  AfterBytesWatch watch;

  /**
   * The sequence check before message data (DATA or BDAT): null when data may follow, else the
   * reply. Postfix asks for RCPT, not MAIL, without a transaction, and answers 554 within one that
   * has no accepted recipient, whether none was sent or every one was refused (SPEC 3).
   */
  static Reply readyForData(Transaction transaction) {
    if (transaction == null) {
      return Replies.NEED_RCPT;
    }
    return transaction.recipients.isEmpty() ? Replies.NO_VALID_RECIPIENTS : null;
  }

  /** A chunk was refused: what came so far is dropped, and no after-bytes rule watches any more. */
  void dropChunks() {
    chunks = null;
    chunkBytes = 0;
    chunksOverLimit = false;
    watch = null;
  }

  Transaction(String sender, Map<String, String> senderParameters, boolean smtputf8) {
    this.sender = sender;
    this.senderParameters = Map.copyOf(senderParameters);
    this.smtputf8 = smtputf8;
  }
}
