package dev.smtpmock.internal.protocol;

import java.util.Arrays;

/**
 * Bytes received and not yet processed. The protocol frames them itself, because how the next bytes
 * are read (command line, message data, BDAT chunk) depends on replies not yet given.
 */
final class InputBuffer {
  private byte[] bytes = new byte[512];
  private int start;
  private int end;

  void append(byte[] data, int offset, int length) {
    if (end + length > bytes.length) {
      compact();
      if (end + length > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, end + length));
      }
    }
    System.arraycopy(data, offset, bytes, end, length);
    end += length;
  }

  private void compact() {
    if (start > 0) {
      System.arraycopy(bytes, start, bytes, 0, end - start);
      end -= start;
      start = 0;
    }
  }

  int available() {
    return end - start;
  }

  boolean isEmpty() {
    return start == end;
  }

  /** The index (relative to the unread start) of the first LF, or -1. */
  int indexOfLf() {
    for (int i = start; i < end; i++) {
      if (bytes[i] == '\n') {
        return i - start;
      }
    }
    return -1;
  }

  /** Removes and returns the next {@code length} bytes. */
  byte[] take(int length) {
    byte[] result = Arrays.copyOfRange(bytes, start, start + length);
    skip(length);
    return result;
  }

  void skip(int length) {
    start += length;
    if (start == end) {
      start = 0;
      end = 0;
    }
  }

  byte byteAt(int index) {
    return bytes[start + index];
  }

  /** The backing array and offset of the unread bytes, for reading in place. */
  byte[] array() {
    return bytes;
  }

  int offset() {
    return start;
  }

  /** Drops everything and returns how many bytes were dropped. */
  int clear() {
    int dropped = available();
    start = 0;
    end = 0;
    if (bytes.length > 64 * 1024) {
      bytes = new byte[512];
    }
    return dropped;
  }
}
