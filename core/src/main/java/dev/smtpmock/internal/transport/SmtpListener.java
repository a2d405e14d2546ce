package dev.smtpmock.internal.transport;

import dev.smtpmock.internal.protocol.ServerContext;
import dev.smtpmock.internal.protocol.SmtpConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;

/** The listening socket: a MINA acceptor on the shared I/O threads. */
public final class SmtpListener implements AutoCloseable {
  private final NioSocketAcceptor acceptor;
  private final ServerContext context;

  private SmtpListener(NioSocketAcceptor acceptor, ServerContext context) {
    this.acceptor = acceptor;
    this.context = context;
  }

  /** The scheduler for delays, drips and idle checks, shared by every server in the JVM. */
  public static ScheduledExecutorService scheduler() {
    return SharedPools.scheduler();
  }

  /** Binds {@code host:port} (port 0: a free port). */
  public static SmtpListener bind(
      ServerContext context, String host, int port, int backlog, boolean implicitTls) {
    NioSocketAcceptor acceptor =
        new NioSocketAcceptor(SharedPools.acceptors(), SharedPools.processors());
    acceptor.setReuseAddress(true);
    acceptor.setBacklog(backlog);
    acceptor.setCloseOnDeactivation(true);
    acceptor.getSessionConfig().setTcpNoDelay(true);
    acceptor.setHandler(new SmtpIoHandler(context, implicitTls));
    try {
      acceptor.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      acceptor.dispose();
      throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e, e);
    }
    return new SmtpListener(acceptor, context);
  }

  public InetSocketAddress address() {
    return acceptor.getLocalAddress();
  }

  /** Stops listening and closes every connection; the port is free when this returns. */
  @Override
  public void close() {
    for (SmtpConnection connection : context.openConnections()) {
      connection.serverStopping();
    }
    acceptor.unbind();
    acceptor.dispose(true);
  }
}
