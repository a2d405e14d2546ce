package dev.smtpmock.internal.protocol;

import java.util.Arrays;

/**
 * Reads message data after a 354 as it streams in: undoes dot-stuffing, finds the {@code CRLF.CRLF}
 * end (and only that: a bare-LF dot ends nothing), and keeps at most the size limit, counting the
 * rest without buffering it.
 */
final class DataReader {
  private enum State {
    LINE_START,
    MIDDLE,
    CR,
    DOT,
    DOT_CR
  }

  // Past this size the buffer is not kept for the connection's next message.
  private static final int KEEP_BUFFER_UP_TO = 64 * 1024;

  private long limit;
  // Not a ByteArrayOutputStream: its write is synchronized.
  private byte[] kept = new byte[512];
  private int keptLength;
  private State state = State.LINE_START;
  private long size;
  private long wireBytes;
  private boolean lineEnded;
  private boolean ended;

  /**
   * Starts reading a message's data; {@code limit}: the most bytes kept, 0 for no limit. One reader
   * serves a connection's messages, so that its buffer grows once, not once per message.
   */
  void start(long limit) {
    this.limit = limit;
    if (kept.length > KEEP_BUFFER_UP_TO) {
      kept = new byte[512];
    }
    keptLength = 0;
    state = State.LINE_START;
    size = 0;
    wireBytes = 0;
    lineEnded = false;
    ended = false;
  }

  /**
   * Consumes bytes up to the end of the data or {@code maxBytes}, whichever comes first.
   *
   * @return how many bytes were consumed
   */
  int read(byte[] in, int offset, int maxBytes) {
    int i = offset;
    int end = offset + maxBytes;
    while (i < end && !ended) {
      // Most of a message is the middle of lines: copied a run at a time, up to the next CR.
      if (state == State.MIDDLE || (state == State.LINE_START && in[i] != '.')) {
        int run = i;
        while (run < end && in[run] != '\r') {
          run++;
        }
        if (run > i) {
          emit(in, i, run - i);
          state = State.MIDDLE;
          i = run;
          continue;
        }
      }
      step(in[i++]);
    }
    wireBytes += i - offset;
    return i - offset;
  }

  boolean ended() {
    return ended;
  }

  private void step(byte b) {
    switch (state) {
      case LINE_START -> {
        if (b == '.') {
          state = State.DOT;
        } else {
          middle(b);
        }
      }
      case MIDDLE -> middle(b);
      case CR -> {
        emit(b);
        if (b == '\n') {
          state = State.LINE_START;
          lineEnded = true;
        } else if (b != '\r') {
          state = State.MIDDLE;
        }
      }
      case DOT -> {
        if (b == '\r') {
          state = State.DOT_CR;
        } else {
          middle(b);
        }
      }
      case DOT_CR -> {
        if (b == '\n') {
          ended = true;
          lineEnded = true;
        } else {
          emit((byte) '\r');
          state = State.CR;
          step(b);
        }
      }
    }
  }

  private void middle(byte b) {
    emit(b);
    state = b == '\r' ? State.CR : State.MIDDLE;
  }

  private void emit(byte b) {
    size++;
    if (limit == 0 || size <= limit) {
      if (keptLength == kept.length) {
        kept = Arrays.copyOf(kept, kept.length * 2);
      }
      kept[keptLength++] = b;
    }
  }

  private void emit(byte[] bytes, int offset, int length) {
    long room = limit == 0 ? length : Math.max(0, Math.min(length, limit - size));
    size += length;
    if (room > 0) {
      int keep = (int) room;
      if (keptLength + keep > kept.length) {
        kept = Arrays.copyOf(kept, Math.max(kept.length * 2, keptLength + keep));
      }
      System.arraycopy(bytes, offset, kept, keptLength, keep);
      keptLength += keep;
    }
  }

  /** True, once, after a data line has ended since the last call; for the idle timer. */
  boolean takeLineEnded() {
    boolean result = lineEnded;
    lineEnded = false;
    return result;
  }

  /** The data size, unstuffed, including any part past the limit. */
  long size() {
    return size;
  }

  /** Wire bytes consumed since the 354, the end marker included. */
  long wireBytes() {
    return wireBytes;
  }

  boolean overLimit() {
    return limit > 0 && size > limit;
  }

  byte[] data() {
    return Arrays.copyOf(kept, keptLength);
  }
}
