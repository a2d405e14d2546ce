package dev.smtpmock.internal.protocol;

/** Recognises the client's first TLS record in its input, for the tls-failure fault. */
final class TlsRecords {
  private TlsRecords() {}

  /**
   * A whole TLS record (RFC 8446 5.1: type, version, 2-byte length, then that many bytes) has
   * arrived, or bytes that cannot start one: a client's garbage is reset at once.
   */
  static boolean firstRecordIn(InputBuffer input) {
    int n = input.available();
    if (n == 0) {
      return false;
    }
    int type = input.byteAt(0) & 0xff;
    if (type < 20 || type > 23) {
      return true;
    }
    if (n < 5) {
      return false;
    }
    int length = (input.byteAt(3) & 0xff) << 8 | input.byteAt(4) & 0xff;
    return n >= 5 + length;
  }
}
