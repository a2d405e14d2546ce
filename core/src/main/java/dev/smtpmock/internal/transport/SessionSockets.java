package dev.smtpmock.internal.transport;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.channels.Channel;
import java.nio.channels.SocketChannel;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket under a MINA session. MINA keeps it in a protected field of {@link NioSession} and
 * offers no accessor, so it is read through a {@link VarHandle}; where that is refused (a module
 * setup that does not open MINA), there is no socket and every write takes MINA's path.
 */
final class SessionSockets {
  private static final Logger LOG = LoggerFactory.getLogger(SessionSockets.class);
  private static final VarHandle CHANNEL = channelField();

  private SessionSockets() {}

  /** The session's socket, or null. */
  static SocketChannel of(IoSession session) {
    if (CHANNEL != null
        && session instanceof NioSession nio
        && CHANNEL.get(nio) instanceof SocketChannel socket) {
      return socket;
    }
    return null;
  }

  private static VarHandle channelField() {
    try {
      return MethodHandles.privateLookupIn(NioSession.class, MethodHandles.lookup())
          .findVarHandle(NioSession.class, "channel", Channel.class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.debug("replies take MINA's write path: {}", e.toString());
      return null;
    }
  }
}
