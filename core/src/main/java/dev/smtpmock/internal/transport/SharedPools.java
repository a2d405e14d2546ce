package dev.smtpmock.internal.transport;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.mina.core.service.SimpleIoProcessorPool;
import org.apache.mina.transport.socket.nio.NioSession;

/**
 * The threads every server in the JVM shares, made once: starting and stopping a server per test
 * then costs no thread creation. All are daemon threads named {@code smtpmock-shared-*}; while they
 * serve, MINA renames the acceptor's {@code NioSocketAcceptor-N} and the I/O threads' {@code
 * SmtpMockIoProcessor-N}.
 */
final class SharedPools {
  private SharedPools() {}

  /** How long a session may stay open after the 221 to QUIT, waiting for the client to close. */
  private static final long QUIT_GRACE_MILLIS = 250;

  private static final class Holder {
    static final ScheduledExecutorService SCHEDULER = newScheduler();
    static final LateCloser AFTER_QUIT = new LateCloser(SCHEDULER, QUIT_GRACE_MILLIS);
    static final ExecutorService ACCEPTORS =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            5,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            daemon("smtpmock-shared-acceptor-"));
    // Half the cores: a mock shares the machine with the code under test that drives it, and the
    // work per command is small. On 2 cores, against smtp-source on the same machine, one I/O
    // thread carried 26,000 messages/s over reused connections where two carried 19,000: two
    // threads competed with the client for the cores and switched more (bench/PERFORMANCE.md).
    static final SimpleIoProcessorPool<NioSession> PROCESSORS =
        new SimpleIoProcessorPool<>(
            SmtpMockIoProcessor.class,
            Executors.newCachedThreadPool(daemon("smtpmock-shared-io-")),
            Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
            null);
  }

  private static ScheduledExecutorService newScheduler() {
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(
            Math.max(2, Runtime.getRuntime().availableProcessors()),
            daemon("smtpmock-shared-scheduler-"));
    scheduler.setRemoveOnCancelPolicy(true);
    return scheduler;
  }

  /** Delays, drips, hangs and idle checks. */
  static ScheduledExecutorService scheduler() {
    return Holder.SCHEDULER;
  }

  /** Closes sessions after the 221 to QUIT that the client has not closed first. */
  static LateCloser lateCloser() {
    return Holder.AFTER_QUIT;
  }

  static ExecutorService acceptors() {
    return Holder.ACCEPTORS;
  }

  static SimpleIoProcessorPool<NioSession> processors() {
    return Holder.PROCESSORS;
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
