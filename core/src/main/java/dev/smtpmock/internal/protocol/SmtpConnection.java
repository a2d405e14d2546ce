package dev.smtpmock.internal.protocol;

import dev.smtpmock.SmtpSession.End;
import dev.smtpmock.internal.store.Transcript;
import dev.smtpmock.scenario.Extension;
import dev.smtpmock.scenario.ServerSettings;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One connection: its transport events, the framing of its input, backpressure and the idle timer.
 * Input is framed here, one item at a time, because how the next bytes are read depends on the
 * reply to the previous command (SPEC 2.5). Every method runs under the connection's lock, from an
 * I/O thread or a scheduler thread; nothing here blocks.
 */
public final class SmtpConnection implements ActionExecutor.Connection {
  private enum Mode {
    /** Input goes to the current reader: commands, or what a command reads after it. */
    READING,
    AWAIT_TLS_RECORD,
    DISCARD,
    HUNG,
    CLOSED
  }

  private final ServerContext context;
  private final Channel channel;
  private final ServerSettings settings;
  private final Transcript transcript;
  private final InputBuffer input = new InputBuffer();
  private final ReplyWriter writer;
  private final SessionContext session;
  private final IdleTimer idle;
  private CommandContext.ByteReader reader;

  private Mode mode = Mode.READING;
  private boolean busy = true;
  private long discarded;
  private ScheduledFuture<?> hangEnd;
  // From STARTTLS's 220 (or the connect, for implicit TLS) until MINA reports the handshake done.
  // MINA may hand over the first commands read under TLS before that report, and they must be
  // answered as under TLS: they wait for it.
  private boolean handshaking;
  // Implicit TLS: the session, its connect occurrence and greeting included, starts under TLS.
  private boolean greetAfterHandshake;

  public SmtpConnection(ServerContext context, Channel channel, boolean implicitTls) {
    this.context = context;
    this.channel = channel;
    this.settings = context.runtime().settings();
    this.idle = new IdleTimer(context.scheduler(), settings.idleTimeout(), this, this::idleTimeout);
    this.transcript = context.open(this, channel.clientAddress());
    this.writer =
        new ReplyWriter(channel, transcript, settings.advertises(Extension.ENHANCEDSTATUSCODES));
    this.session =
        new SessionContext(this, context, transcript, writer, channel.clientIp(), settings);
    this.reader = session.commands();
    this.greetAfterHandshake = implicitTls;
  }

  // ---- transport events ----

  /**
   * The connection is open: the connect occurrence, then the greeting. With implicit TLS the
   * connect rules with fault tls-failure come first, then the handshake, and the greeting once it
   * is done; meanwhile the idle timer bounds the wait (SPEC 2.6).
   */
  public synchronized void start() {
    if (!greetAfterHandshake) {
      greet();
      return;
    }
    idle.waiting();
    if (!Greeting.failsTlsAtAccept(session)) {
      handshaking = true;
      channel.startTlsOnFlush(session.door().runtime().tls());
    }
  }

  private void greet() {
    busy = false;
    Greeting.enter(session);
    drain();
  }

  public synchronized void received(byte[] bytes, int offset, int length) {
    switch (mode) {
      case CLOSED, HUNG -> {
        return;
      }
      case DISCARD -> {
        discarded += length;
        return;
      }
      case AWAIT_TLS_RECORD -> {
        input.append(bytes, offset, length);
        if (TlsRecords.firstRecordIn(input)) {
          input.clear(); // the record, which the note below stands for: not input discarded
          transcript.server("(TLS record received: connection reset)", null);
          close(End.FAULT, true);
        }
        return;
      }
      default -> {}
    }
    input.append(bytes, offset, length);
    drain();
  }

  /** Bytes were sent: resume reading once the client has caught up with its replies. */
  public synchronized void written() {
    if (writer.unblock()) {
      drain();
    }
  }

  public synchronized void tlsEstablished(String protocol, String cipher) {
    session.state().tlsEstablished();
    handshaking = false;
    transcript.tls(protocol, cipher);
    transcript.server("(TLS established: " + protocol + ", " + cipher + ")", null);
    if (greetAfterHandshake) {
      greetAfterHandshake = false;
      idle.stop();
      greet();
    } else {
      drain();
    }
  }

  /** The connection closed, by either side: an unfinished message is kept as incomplete. */
  public synchronized void closed() {
    session.messages().connectionClosed(session.state().transaction());
    if (discarded > 0) {
      transcript.client("(" + discarded + " bytes of message data discarded)");
    }
    stopTimers();
    transcript.end(End.CLIENT_CLOSED);
    context.closed(this);
  }

  /** This session's transcript, which a reset keeps while the connection is open. */
  Transcript transcript() {
    return transcript;
  }

  /** The server is stopping. */
  public synchronized void serverStopping() {
    transcript.end(End.SERVER_STOPPED);
  }

  // ---- framing ----

  /**
   * Processes the input as far as the state allows. The replies made meanwhile leave as one write;
   * once written they may leave room to read again.
   */
  private void drain() {
    do {
      channel.holdWrites();
      try {
        process();
      } finally {
        channel.releaseWrites();
      }
    } while (writer.unblock());
  }

  private void process() {
    while (!busy && !handshaking && !writer.blocked() && mode != Mode.CLOSED && mode != Mode.HUNG) {
      if (!step()) {
        break;
      }
    }
    if (!busy && mode == Mode.READING) {
      idle.waiting();
    }
  }

  private boolean step() {
    return mode == Mode.READING && reader.step(input);
  }

  // ---- how input is read, for the handlers (through SessionContext) ----

  /** The input goes to {@code reader}, commands when none; it is taken as it comes. */
  void read(CommandContext.ByteReader reader) {
    this.reader = reader;
    mode = Mode.READING;
  }

  /** What the client sends from now on is read and dropped. */
  void discardFromNow() {
    discarded += input.clear();
    mode = Mode.DISCARD;
  }

  /** The client completed a line: the idle timer starts again. */
  void activity() {
    idle.stop();
  }

  /** The handshake starts once the 220 is written; plaintext already received is dropped. */
  void startTls(javax.net.ssl.SSLContext tls) {
    discardInput("plaintext");
    handshaking = true;
    channel.startTlsOnFlush(tls);
  }

  void quit() {
    endSession(End.QUIT);
    channel.closeAfterClient();
  }

  // ---- what actions do (ActionExecutor.Connection) ----

  @Override
  public void owe() {
    busy = true;
    idle.stop();
  }

  @Override
  public synchronized void settle(Runnable task) {
    if (mode == Mode.CLOSED) {
      return;
    }
    busy = false;
    task.run();
    if (!busy) {
      drain();
    }
  }

  @Override
  public void end(Ending ending) {
    switch (ending) {
      case CLOSE -> close(End.FAULT, false);
      case RESET -> close(End.FAULT, true);
      case HANG -> hang();
      case RESET_AT_TLS_RECORD -> {
        discardInput("plaintext");
        mode = Mode.AWAIT_TLS_RECORD;
        busy = false;
        idle.waiting();
      }
    }
  }

  @Override
  public boolean isClosed() {
    return mode == Mode.CLOSED;
  }

  /** True once no more replies are to be written: closed, hung, or awaiting a TLS record. */
  boolean ended() {
    return mode == Mode.CLOSED || mode == Mode.HUNG || mode == Mode.AWAIT_TLS_RECORD;
  }

  // ---- endings ----

  private void hang() {
    discardInput("input");
    mode = Mode.HUNG;
    channel.suspendRead();
    hangEnd =
        context
            .scheduler()
            .schedule(this::hangOver, settings.idleTimeout().toNanos(), TimeUnit.NANOSECONDS);
  }

  private synchronized void hangOver() {
    if (mode == Mode.HUNG) {
      close(End.FAULT, false);
    }
  }

  /** Closes after what is queued has been written; the commands not yet processed are dropped. */
  private void close(End end, boolean reset) {
    endSession(end);
    if (reset) {
      channel.resetOnFlush();
    } else {
      channel.closeOnFlush();
    }
  }

  /** The session is over; what the client sent and was not processed is dropped. */
  private void endSession(End end) {
    discardInput("input");
    stopTimers();
    transcript.end(end);
  }

  /** The connection is over: nothing scheduled for it may keep it in memory. */
  private void stopTimers() {
    mode = Mode.CLOSED;
    idle.cancel();
    if (hangEnd != null) {
      hangEnd.cancel(false);
    }
  }

  private void discardInput(String what) {
    int dropped = input.clear();
    if (dropped > 0) {
      transcript.client("(" + dropped + " bytes of " + what + " discarded)");
    }
  }

  private void idleTimeout() {
    if (mode == Mode.AWAIT_TLS_RECORD) {
      // tls-failure: nothing is to be said, in plaintext or under TLS
      transcript.server("(no TLS record within the idle timeout)", null);
      close(End.IDLE_TIMEOUT, false);
      return;
    }
    if (greetAfterHandshake && mode != Mode.CLOSED) {
      // nothing can be said: not in plaintext on a TLS port, not under TLS before the handshake
      transcript.server("(no TLS handshake within the idle timeout)", null);
      close(End.IDLE_TIMEOUT, false);
      return;
    }
    if (mode == Mode.CLOSED || mode == Mode.HUNG || busy) {
      return;
    }
    writer.builtIn(Replies.idleTimeout(settings.hostname()), null);
    close(End.IDLE_TIMEOUT, false);
  }
}
