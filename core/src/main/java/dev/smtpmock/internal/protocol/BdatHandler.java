package dev.smtpmock.internal.protocol;

import dev.smtpmock.internal.rules.Occurrence;
import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Extension;
import dev.smtpmock.scenario.Reply;
import java.io.ByteArrayOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BDAT (RFC 3030): reads each chunk's bytes whatever the reply will be, then answers the chunk. A
 * non-2xx reply to a chunk drops the transaction's data, and the chunks after it, those still in
 * the pipeline included, are read and answered {@code 551} up to the last (SPEC 2.5 and 3). A bad
 * size leaves the chunk's end unknown: {@code 521}, and the server closes.
 */
final class BdatHandler implements CommandHandler {
  private static final Pattern SYNTAX =
      Pattern.compile("([0-9]{1,18})( +LAST)?", Pattern.CASE_INSENSITIVE);

  @Override
  public void handle(Command command, CommandContext session) {
    Matcher m = SYNTAX.matcher(command.argument);
    if (!m.matches()) {
      session.reply(Replies.BDAT_SYNTAX);
      session.close();
      return;
    }
    Chunk chunk = new Chunk(session, command, Long.parseLong(m.group(1)), m.group(2) != null);
    if (chunk.remaining == 0) {
      chunk.finish();
    } else {
      session.readBytes(chunk);
    }
  }

  /** One chunk's bytes, read into the transaction when it can take them. */
  private static final class Chunk implements CommandContext.ByteReader {
    private final CommandContext session;
    private final Command command;
    private final long size;
    private final boolean last;
    private long remaining;

    Chunk(CommandContext session, Command command, long size, boolean last) {
      this.session = session;
      this.command = command;
      this.size = size;
      this.last = last;
      this.remaining = size;
    }

    @Override
    public boolean step(InputBuffer input) {
      int n = (int) Math.min(remaining, input.available());
      if (n == 0) {
        return false;
      }
      Transaction t = accepting();
      OccurrenceDoor door = session.door();
      if (t != null && t.chunks == null) {
        t.watch = session.messages().watch();
      }
      long threshold = t == null ? -1 : door.nextThreshold(t.watch);
      if (threshold > 0) {
        n = (int) Math.min(n, threshold - t.chunkBytes);
      }
      if (t != null) {
        long limit = session.state().settings().maxMessageSize();
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
      if (t != null
          && door.bytesArrived(
              t.watch, t.chunkBytes, () -> session.messages().struck(t.chunkBytes))) {
        return true;
      }
      if (remaining == 0) {
        finish();
      }
      return true;
    }

    /** The transaction that takes this chunk's bytes, or null when the sequence check will fail. */
    private Transaction accepting() {
      Transaction t = session.state().transaction();
      boolean ok =
          session.state().settings().advertises(Extension.CHUNKING)
              && !session.state().chunksRefused()
              && t != null
              && !t.recipients.isEmpty();
      return ok ? t : null;
    }

    void finish() {
      session.readCommands();
      session.transcript().client("(" + size + " bytes of chunk data)");
      Reply refusal = check();
      if (refusal != null) {
        session.reply(refusal);
        return;
      }
      SessionState state = session.state();
      Transaction t = state.transaction();
      if (t.chunks == null) {
        t.chunks = new ByteArrayOutputStream();
      }
      Occurrence occurrence = state.occurrence(Event.BDAT, command.argument, command.line, null);
      if (last) {
        session.door().dataEnded(t.watch);
        PendingMessage message =
            session.messages().message(t.chunks.toByteArray(), t.chunkBytes, t.chunksOverLimit);
        t.chunks = null;
        session
            .messages()
            .ended(message, occurrence, () -> Replies.chunksQueued(message.size(), message.id()));
        return;
      }
      session
          .door()
          .enter(
              occurrence,
              () -> Replies.chunkReceived(size),
              reply -> {
                if (reply != null && !reply.isPositive()) {
                  state.refuseChunks();
                }
              });
    }

    /**
     * The checks no rule sees (SPEC 2.3). As in Postfix, a chunk refused for its sequence makes the
     * later ones discarded, and a last chunk, refused or discarded, ends the transaction.
     */
    private Reply check() {
      SessionState state = session.state();
      if (state.serviceRefused()) {
        return Replies.NO_SERVICE;
      }
      if (!state.settings().advertises(Extension.CHUNKING)) {
        return Replies.NOT_IMPLEMENTED;
      }
      if (state.chunksRefused()) {
        if (last) {
          state.endTransaction();
        }
        return Replies.chunkDiscarded(size);
      }
      Reply refusal = Transaction.readyForData(state.transaction());
      if (refusal != null && last) {
        state.endTransaction();
      } else if (refusal != null) {
        state.refuseChunks();
      }
      return refusal;
    }
  }
}
