package dev.smtpmock.internal.transport;

import dev.smtpmock.internal.protocol.Replies;
import dev.smtpmock.internal.protocol.ServerContext;
import dev.smtpmock.internal.protocol.SmtpConnection;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSession;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.FilterEvent;
import org.apache.mina.filter.ssl.SslEvent;
import org.apache.mina.filter.ssl.SslFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands MINA's events to each session's {@link SmtpConnection}; keeps no state of its own. */
final class SmtpIoHandler extends IoHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(SmtpIoHandler.class);
  private static final AttributeKey CONNECTION =
      new AttributeKey(SmtpIoHandler.class, "connection");

  private final ServerContext context;
  private final boolean implicitTls;

  SmtpIoHandler(ServerContext context, boolean implicitTls) {
    this.context = context;
    this.implicitTls = implicitTls;
  }

  private static SmtpConnection connection(IoSession session) {
    return (SmtpConnection) session.getAttribute(CONNECTION);
  }

  @Override
  public void sessionCreated(IoSession session) {
    if (!context.admit()) {
      refuse(session);
      return;
    }
    session.setAttribute(
        CONNECTION, new SmtpConnection(context, new MinaChannel(session), implicitTls));
  }

  /**
   * Past max-connections: Postfix postscreen's 421 instead of the greeting, and a close; no
   * connection number, no session. On an implicit-TLS port nothing can be said before a handshake.
   */
  private void refuse(IoSession session) {
    if (!implicitTls) {
      byte[] reply = Replies.ALL_PORTS_BUSY.render().getBytes(StandardCharsets.US_ASCII);
      session.write(IoBuffer.wrap(reply));
    }
    session.closeOnFlush();
  }

  @Override
  public void sessionOpened(IoSession session) {
    SmtpConnection connection = connection(session);
    if (connection != null) {
      connection.start();
    }
  }

  @Override
  public void messageReceived(IoSession session, Object message) {
    SmtpConnection connection = connection(session);
    if (connection == null) {
      return; // refused: what it sends is dropped until the close
    }
    IoBuffer buffer = (IoBuffer) message;
    if (buffer.hasArray()) {
      connection.received(
          buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
    } else {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      connection.received(bytes, 0, bytes.length);
    }
  }

  @Override
  public void messageSent(IoSession session, Object message) {
    SmtpConnection connection = connection(session);
    if (connection != null) {
      connection.written();
    }
  }

  @Override
  public void event(IoSession session, FilterEvent event) {
    if (event == SslEvent.SECURED) {
      SSLSession tls = (SSLSession) session.getAttribute(SslFilter.SSL_SECURED);
      connection(session).tlsEstablished(tls.getProtocol(), tls.getCipherSuite());
    }
  }

  @Override
  public void sessionClosed(IoSession session) {
    SmtpConnection connection = (SmtpConnection) session.removeAttribute(CONNECTION);
    if (connection != null) {
      connection.closed();
    }
  }

  @Override
  public void exceptionCaught(IoSession session, Throwable cause) {
    LOG.debug("closing {} after {}", session.getRemoteAddress(), cause.toString());
    session.closeNow();
  }
}
