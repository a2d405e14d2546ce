package dev.smtpmock.internal.transport;

import dev.smtpmock.internal.protocol.Channel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterChain;
import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;
import org.apache.mina.transport.socket.SocketSessionConfig;

/**
 * A MINA session seen as a {@link Channel}.
 *
 * <p>A reply written on the session's own I/O thread while nothing else waits to be written goes
 * straight to the socket: MINA's own write path (a write request and future, the queue, a selector
 * wake-up, the sent event) costs more than the reply. Elsewhere, or once TLS is on, writes take
 * MINA's path, so order is kept: a direct write happens only when MINA holds nothing unwritten.
 */
final class MinaChannel implements Channel {
  private static final String SSL_FILTER = "tls";

  private final IoSession session;
  // Null when MINA's socket cannot be reached: every write then takes MINA's path.
  private final SocketChannel socket;
  private final Thread ioThread;
  private WriteFuture lastWrite;
  private boolean holding;
  private byte[] held = new byte[256];
  private int heldLength;

  /** Made on the session's I/O thread, which serves the session for its whole life. */
  MinaChannel(IoSession session) {
    this.session = session;
    this.socket = SessionSockets.of(session);
    this.ioThread = Thread.currentThread();
  }

  @Override
  public void write(byte[] bytes) {
    if (holding) {
      if (heldLength + bytes.length > held.length) {
        held = Arrays.copyOf(held, Math.max(held.length * 2, heldLength + bytes.length));
      }
      System.arraycopy(bytes, 0, held, heldLength, bytes.length);
      heldLength += bytes.length;
    } else {
      send(bytes, 0, bytes.length, true);
    }
  }

  @Override
  public void holdWrites() {
    holding = true;
  }

  @Override
  public void releaseWrites() {
    holding = false;
    sendHeld();
  }

  private void sendHeld() {
    if (heldLength > 0) {
      int length = heldLength;
      heldLength = 0;
      send(held, 0, length, false);
    }
  }

  /** {@code owned}: the array is no longer the caller's, so MINA may keep it without a copy. */
  private void send(byte[] bytes, int offset, int length, boolean owned) {
    if (mayWriteDirectly()) {
      try {
        int written = socket.write(ByteBuffer.wrap(bytes, offset, length));
        lastWrite = null;
        offset += written;
        length -= written;
        if (length == 0) {
          return;
        }
      } catch (IOException e) {
        // Left to MINA: the write below fails, and MINA closes the session as for any failed write.
      }
    }
    IoBuffer buffer =
        owned
            ? IoBuffer.wrap(bytes, offset, length)
            : IoBuffer.wrap(Arrays.copyOfRange(bytes, offset, offset + length));
    lastWrite = session.write(buffer);
  }

  private boolean mayWriteDirectly() {
    return socket != null
        && Thread.currentThread() == ioThread
        && session.getCurrentWriteRequest() == null
        && session.getWriteRequestQueue().isEmpty(session)
        && !session.getFilterChain().contains(SSL_FILTER);
  }

  @Override
  public long scheduledWriteBytes() {
    return session.getScheduledWriteBytes() + heldLength;
  }

  @Override
  public void closeOnFlush() {
    sendHeld();
    endTlsThen(session::closeOnFlush);
  }

  @Override
  public void closeAfterClient() {
    sendHeld();
    // MINA closes the session itself when the client's FIN arrives (IoHandlerAdapter.inputClosed).
    endTlsThen(() -> SharedPools.lateCloser().closeLater(session));
  }

  /**
   * Under TLS a close the server starts sends close_notify first, or strict clients see a
   * truncation (SPEC 3); the close does not wait for the client's own close_notify, which arrives
   * as bytes no one reads. Taking MINA's SslFilter out of the chain closes its engine's outbound
   * side, which writes the close_notify. It is taken out once what was written is sent: MINA's
   * acknowledgement of a write in flight would find the filter's handler gone, and the exception
   * would close the session at once, the close_notify unsent.
   */
  private void endTlsThen(Runnable close) {
    if (!session.getFilterChain().contains(SSL_FILTER)) {
      close.run();
      return;
    }
    afterFlush(
        () -> {
          IoFilterChain chain = session.getFilterChain();
          if (chain.contains(SSL_FILTER)) {
            chain.remove(SSL_FILTER);
          }
          close.run();
        });
  }

  @Override
  public void resetOnFlush() {
    sendHeld();
    afterFlush(this::resetNow);
  }

  @Override
  public void resetNow() {
    heldLength = 0;
    ((SocketSessionConfig) session.getConfig()).setSoLinger(0);
    session.closeNow();
  }

  @Override
  public void suspendRead() {
    session.suspendRead();
  }

  @Override
  public void resumeRead() {
    session.resumeRead();
  }

  @Override
  public void startTlsOnFlush(SSLContext context) {
    // The 220 must leave in plaintext, and the client's first TLS record arrives only after it,
    // so the filter goes in once the reply has been written.
    sendHeld();
    afterFlush(() -> session.getFilterChain().addFirst(SSL_FILTER, new SslFilter(context)));
  }

  private void afterFlush(Runnable action) {
    WriteFuture pending = lastWrite;
    if (pending == null || pending.isDone()) {
      action.run();
    } else {
      pending.addListener(future -> action.run());
    }
  }

  @Override
  public String clientIp() {
    SocketAddress remote = session.getRemoteAddress();
    return remote instanceof InetSocketAddress inet
        ? inet.getAddress().getHostAddress()
        : String.valueOf(remote);
  }

  @Override
  public String clientAddress() {
    SocketAddress remote = session.getRemoteAddress();
    return remote instanceof InetSocketAddress inet
        ? inet.getAddress().getHostAddress() + ":" + inet.getPort()
        : String.valueOf(remote);
  }
}
