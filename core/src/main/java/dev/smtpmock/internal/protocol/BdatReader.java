package dev.smtpmock.internal.protocol;

import dev.smtpmock.internal.rules.Match;
import dev.smtpmock.internal.rules.Occurrence;
import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Extension;
import dev.smtpmock.scenario.Reply;
import java.io.ByteArrayOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BDAT (RFC 3030): reads each chunk's bytes whatever the reply will be, then answers the chunk. A
 * non-2xx reply to a chunk drops the transaction, so chunks still in the pipeline are read and
 * answered {@code 503} (SPEC 2.5).
 */
final class BdatReader {
  private static final Pattern SYNTAX =
      Pattern.compile("([0-9]{1,18})( +LAST)?", Pattern.CASE_INSENSITIVE);

  private final SmtpConnection session;
  private Command command;
  private long size;
  private long remaining;
  private boolean last;

  BdatReader(SmtpConnection session) {
    this.session = session;
  }

  void command(Command command) {
    Matcher m = SYNTAX.matcher(command.argument);
    if (!m.matches()) {
      session.reply(Replies.BDAT_SYNTAX);
      return;
    }
    this.command = command;
    size = Long.parseLong(m.group(1));
    remaining = size;
    last = m.group(2) != null;
    session.expectChunk();
    if (remaining == 0) {
      finish();
    }
  }

  /** Reads what has arrived of the chunk; answers once it is complete. */
  boolean step(InputBuffer input) {
    int n = (int) Math.min(remaining, input.available());
    if (n == 0) {
      return false;
    }
    Transaction t = accepting();
    if (t != null && t.chunks == null) {
      t.watch = session.messages().watch();
    }
    if (t != null && t.watch != null) {
      long threshold = session.messages().nextThreshold(t.chunkBytes);
      if (threshold > 0) {
        n = (int) Math.min(n, threshold - t.chunkBytes);
      }
    }
    if (t != null) {
      long limit = session.settings().maxMessageSize();
      long room = limit == 0 ? n : Math.max(0, Math.min(n, limit - t.chunkBytes));
      if (t.chunks == null) {
        t.chunks = new ByteArrayOutputStream();
      }
      t.chunks.write(input.array(), input.offset(), (int) room);
      t.chunksOverLimit |= room < n;
      t.chunkBytes += n;
    }
    input.skip(n);
    remaining -= n;
    if (t != null && t.watch != null) {
      Match struck = t.watch.onBytes(t.chunkBytes);
      if (struck != null) {
        session.messages().afterBytes(struck, t.chunkBytes);
        return true;
      }
    }
    if (remaining == 0) {
      finish();
    }
    return true;
  }

  /** The transaction that takes this chunk's bytes, or null when the sequence check will fail. */
  private Transaction accepting() {
    Transaction t = session.transaction();
    boolean ok =
        session.settings().advertises(Extension.CHUNKING) && t != null && !t.recipients.isEmpty();
    return ok ? t : null;
  }

  private void finish() {
    session.chunkDone();
    session.transcript().client("(" + size + " bytes of chunk data)");
    Reply refusal = check();
    if (refusal != null) {
      session.reply(refusal);
      return;
    }
    Transaction t = session.transaction();
    if (t.chunks == null) {
      t.chunks = new ByteArrayOutputStream();
    }
    Occurrence occurrence = session.occurrence(Event.BDAT, command.argument, command.line);
    Match match = session.rules().evaluate(occurrence);
    if (last) {
      if (t.watch != null) {
        t.watch.onEnd();
      }
      PendingMessage message =
          session.messages().message(t.chunks.toByteArray(), t.chunkBytes, t.chunksOverLimit);
      t.chunks = null;
      session
          .messages()
          .ended(message, match, () -> Replies.chunksQueued(message.size(), message.id()));
      return;
    }
    long chunk = size;
    session.respond(
        occurrence,
        match,
        () -> Replies.chunkReceived(chunk),
        reply -> {
          if (reply != null && !reply.isPositive()) {
            session.endTransaction();
          }
        });
  }

  private Reply check() {
    if (!session.settings().advertises(Extension.CHUNKING)) {
      return Replies.NOT_IMPLEMENTED;
    }
    return Transaction.readyForData(session.transaction());
  }
}
