package dev.smtpmock.internal.transport;

import java.util.concurrent.Executor;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.transport.socket.nio.NioProcessor;
import org.apache.mina.transport.socket.nio.NioSession;

/**
 * MINA's I/O processor without the read that cannot return anything.
 *
 * <p>For a readable TCP socket MINA reads until a read returns nothing; but a read that fills less
 * of the buffer than it offered has already emptied the socket, so the next one fails with EAGAIN:
 * one system call in vain for most commands and messages (8,040 of 18,154 reads over reused
 * connections, bench/PERFORMANCE.md). This processor answers that next read with 0 itself. Bytes
 * arriving in between are not lost: the selector is level-triggered and reports the socket again.
 *
 * <p>While it serves sessions MINA names its thread after this class ({@code
 * SmtpMockIoProcessor-1}), which is what a thread dump of a busy test shows.
 */
public final class SmtpMockIoProcessor extends NioProcessor {
  // Only this processor's own thread reads, one session at a time.
  private NioSession drained;

  /** Called by MINA's {@code SimpleIoProcessorPool}, which makes its processors by reflection. */
  public SmtpMockIoProcessor(Executor executor) {
    super(executor);
  }

  @Override
  protected int read(NioSession session, IoBuffer buf) throws Exception {
    if (drained == session) {
      drained = null;
      return 0;
    }
    int offered = buf.remaining();
    int read = super.read(session, buf);
    drained = read > 0 && read < offered ? session : null;
    return read;
  }
}
