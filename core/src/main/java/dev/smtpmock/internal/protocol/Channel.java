package dev.smtpmock.internal.protocol;

import javax.net.ssl.SSLContext;

/** What the protocol needs of a connection's transport; MINA specifics stay in the transport. */
public interface Channel {
  /** Queues bytes for writing, in order; the array is the channel's from now on. */
  void write(byte[] bytes);

  /**
   * Until {@link #releaseWrites()}, writes are held and then sent as one: the replies to pipelined
   * commands leave in one segment, as a production MTA sends them.
   */
  void holdWrites();

  /** Sends what was held; writes go out as they come again. */
  void releaseWrites();

  /** Bytes queued or held for writing and not yet sent. */
  long scheduledWriteBytes();

  /** Closes once everything queued has been written (FIN). */
  void closeOnFlush();

  /**
   * Closes once everything queued has been written and the client has closed its side, or after a
   * short grace. Whichever side closes first keeps the connection in TIME_WAIT for a minute; on the
   * client's side that costs nothing, while thousands of them on the server's side (a server per
   * test, a connection each) slow every later bind and connect on the machine.
   */
  void closeAfterClient();

  /** Closes once everything queued has been written, with a TCP RST instead of a FIN. */
  void resetOnFlush();

  /** Closes now with a TCP RST, discarding anything queued. */
  void resetNow();

  void suspendRead();

  void resumeRead();

  /** Starts TLS once everything queued so far has been written. */
  void startTlsOnFlush(SSLContext context);

  /** The client's IP address. */
  String clientIp();

  /** The client's address and port, e.g. {@code 127.0.0.1:53144}. */
  String clientAddress();
}
