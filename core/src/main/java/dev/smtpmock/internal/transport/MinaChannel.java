package dev.smtpmock.internal.transport;

import dev.smtpmock.internal.protocol.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import javax.net.ssl.SSLContext;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;
import org.apache.mina.transport.socket.SocketSessionConfig;

/** A MINA session seen as a {@link Channel}. */
final class MinaChannel implements Channel {
  private static final String SSL_FILTER = "tls";

  private final IoSession session;
  private WriteFuture lastWrite;

  MinaChannel(IoSession session) {
    this.session = session;
  }

  @Override
  public void write(byte[] bytes) {
    lastWrite = session.write(IoBuffer.wrap(bytes));
  }

  @Override
  public long scheduledWriteBytes() {
    return session.getScheduledWriteBytes();
  }

  @Override
  public void closeOnFlush() {
    session.closeOnFlush();
  }

  @Override
  public void resetOnFlush() {
    afterFlush(this::resetNow);
  }

  @Override
  public void resetNow() {
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
