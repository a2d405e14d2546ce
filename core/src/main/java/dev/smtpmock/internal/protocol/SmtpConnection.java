package dev.smtpmock.internal.protocol;

import dev.smtpmock.SmtpSession.End;
import dev.smtpmock.SmtpSession.RuleRef;
import dev.smtpmock.internal.rules.ConnectionRules;
import dev.smtpmock.internal.rules.Match;
import dev.smtpmock.internal.rules.MessageView;
import dev.smtpmock.internal.rules.Occurrence;
import dev.smtpmock.internal.store.Transcript;
import dev.smtpmock.scenario.Action;
import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Extension;
import dev.smtpmock.scenario.Fault;
import dev.smtpmock.scenario.Reply;
import dev.smtpmock.scenario.Rule;
import dev.smtpmock.scenario.ServerSettings;
import dev.smtpmock.scenario.Then;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The protocol state machine of one connection. Input is framed here, one item at a time, because
 * how the next bytes are read depends on the reply to the previous command (SPEC 2.5). Every method
 * runs under the connection's lock, from an I/O thread or a scheduler thread; nothing here blocks.
 */
public final class SmtpConnection {
  /** Past this many bytes queued for writing, reading stops until the client catches up. */
  static final int WRITE_HIGH_WATER = 64 * 1024;

  private static final Map<Verb, CommandHandler> HANDLERS = handlers();

  private enum Mode {
    COMMAND,
    AUTH_RESPONSE,
    DATA,
    BDAT_CHUNK,
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
  private final BdatReader bdat = new BdatReader(this);
  private final AuthExchange auth = new AuthExchange(this);
  private ScenarioRuntime runtime;
  private ConnectionRules rules;

  private Mode mode = Mode.COMMAND;
  private boolean busy = true;
  private boolean writeBlocked;
  private boolean discardingLongLine;
  private long discarded;
  private final IdleTimer idle;
  private ScheduledFuture<?> hangEnd;

  private boolean tls;
  // From STARTTLS's 220 (or the connect, for implicit TLS) until MINA reports the handshake done.
  // MINA may hand over the first commands read under TLS before that report, and they must be
  // answered as under TLS: they wait for it.
  private boolean handshaking;
  // Implicit TLS: the session, its connect occurrence and greeting included, starts under TLS.
  private boolean greetAfterHandshake;
  private String user;
  private Transaction transaction;
  private final MessageIntake messages = new MessageIntake(this);
  private String lastWritten;

  public SmtpConnection(ServerContext context, Channel channel, boolean implicitTls) {
    this.context = context;
    this.channel = channel;
    this.runtime = context.runtime();
    this.settings = runtime.settings();
    this.idle = new IdleTimer(context.scheduler(), settings.idleTimeout(), this, this::idleTimeout);
    this.transcript = context.open(this, channel.clientAddress());
    this.rules = runtime.engine().connection(transcript.connection(), channel.clientIp());
    this.tls = false;
    if (implicitTls) {
      handshaking = true;
      greetAfterHandshake = true;
      channel.startTlsOnFlush(runtime.tls());
    }
  }

  private static Map<Verb, CommandHandler> handlers() {
    Map<Verb, CommandHandler> map = new EnumMap<>(Verb.class);
    map.put(Verb.HELO, new HeloHandler(false));
    map.put(Verb.EHLO, new HeloHandler(true));
    map.put(Verb.MAIL, new MailHandler());
    map.put(Verb.RCPT, new RcptHandler());
    map.put(Verb.DATA, new DataHandler());
    map.put(Verb.RSET, SimpleHandlers.RSET);
    map.put(Verb.NOOP, SimpleHandlers.NOOP);
    map.put(Verb.VRFY, SimpleHandlers.VRFY);
    map.put(Verb.EXPN, SimpleHandlers.NOT_RECOGNIZED);
    map.put(Verb.HELP, SimpleHandlers.NOT_RECOGNIZED);
    map.put(Verb.QUIT, SimpleHandlers.QUIT);
    map.put(Verb.STARTTLS, new StartTlsHandler());
    return map;
  }

  // ---- transport events ----

  /**
   * The connection is open: the connect occurrence, then the greeting; with implicit TLS, once the
   * handshake is done, and meanwhile the idle timer bounds the wait for it.
   */
  public synchronized void start() {
    if (greetAfterHandshake) {
      idle.waiting();
      return;
    }
    greet();
  }

  private void greet() {
    busy = false;
    Occurrence occurrence = occurrence(Event.CONNECT, null, null);
    respond(
        occurrence,
        rules.evaluate(occurrence),
        () -> Replies.greeting(settings.hostname(), settings.greeting()),
        reply -> {});
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
        if (firstTlsRecordIn(input)) {
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

  /**
   * A whole TLS record (RFC 8446 5.1: type, version, 2-byte length, then that many bytes) has
   * arrived, or bytes that cannot start one: a client's garbage is reset at once.
   */
  private static boolean firstTlsRecordIn(InputBuffer input) {
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

  /** Bytes were sent: resume reading once the client has caught up with its replies. */
  public synchronized void written() {
    if (unblocked()) {
      drain();
    }
  }

  private boolean unblocked() {
    if (writeBlocked && channel.scheduledWriteBytes() <= WRITE_HIGH_WATER / 2) {
      writeBlocked = false;
      channel.resumeRead();
      return true;
    }
    return false;
  }

  public synchronized void tlsEstablished(String protocol, String cipher) {
    tls = true;
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
    messages.connectionClosed(transaction);
    if (discarded > 0) {
      transcript.client("(" + discarded + " bytes of message data discarded)");
    }
    stopTimers();
    transcript.end(End.CLIENT_CLOSED);
    context.closed(this);
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
    } while (unblocked());
  }

  private void process() {
    while (!busy && !handshaking && !writeBlocked && mode != Mode.CLOSED && mode != Mode.HUNG) {
      if (!step()) {
        break;
      }
    }
    if (!busy && awaitsInput()) {
      idle.waiting();
    }
  }

  private boolean awaitsInput() {
    return mode == Mode.COMMAND
        || mode == Mode.AUTH_RESPONSE
        || mode == Mode.DATA
        || mode == Mode.BDAT_CHUNK;
  }

  private boolean step() {
    return switch (mode) {
      case COMMAND, AUTH_RESPONSE -> stepLine();
      case DATA -> messages.step(input);
      case BDAT_CHUNK -> bdat.step(input);
      default -> false;
    };
  }

  private boolean stepLine() {
    int lf = input.indexOfLf();
    int max = settings.maxLineLength();
    if (lf < 0) {
      if (input.available() > max) {
        input.clear();
        discardingLongLine = true;
      }
      return false;
    }
    byte[] raw = input.take(lf + 1);
    activity();
    if (discardingLongLine || raw.length > max) {
      discardingLongLine = false;
      transcript.client("(line too long: discarded)");
      reply(Replies.LINE_TOO_LONG);
      return true;
    }
    int length = raw.length - 1;
    if (length > 0 && raw[length - 1] == '\r') {
      length--;
    }
    if (mode == Mode.AUTH_RESPONSE) {
      String line = new String(raw, 0, length, StandardCharsets.ISO_8859_1);
      transcript.client(line);
      mode = Mode.COMMAND;
      auth.respond(line);
      return true;
    }
    command(raw, length);
    return true;
  }

  private void command(byte[] raw, int length) {
    // A NUL or a bare CR would otherwise be echoed into a reply (VRFY, 555) or a placeholder,
    // corrupting the reply stream; both are refused as Postfix refuses malformed input.
    for (int i = 0; i < length; i++) {
      if (raw[i] == 0 || raw[i] == '\r') {
        transcript.client(new String(raw, 0, length, StandardCharsets.ISO_8859_1));
        reply(Replies.BAD_SYNTAX);
        return;
      }
    }
    String line = decode(raw, length);
    if (line == null) {
      transcript.client(new String(raw, 0, length, StandardCharsets.ISO_8859_1));
      reply(Replies.BAD_UTF8);
      return;
    }
    transcript.client(line);
    followSwap();
    Command command = Command.parse(line);
    if (command.verb == null) {
      Occurrence occurrence = occurrence(Event.UNKNOWN, line, line);
      respond(occurrence, rules.evaluate(occurrence), () -> Replies.NOT_RECOGNIZED, reply -> {});
      return;
    }
    switch (command.verb) {
      case AUTH -> auth.command(command);
      case BDAT -> bdat.command(command);
      default -> run(HANDLERS.get(command.verb), command);
    }
  }

  /** The command as text, or null when it is not valid UTF-8. Most commands are plain ASCII. */
  private static String decode(byte[] raw, int length) {
    boolean ascii = true;
    for (int i = 0; i < length && ascii; i++) {
      ascii = raw[i] >= 0;
    }
    if (ascii) {
      return new String(raw, 0, length, StandardCharsets.US_ASCII);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw, 0, length))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private void run(CommandHandler handler, Command command) {
    Reply refusal = handler.check(this, command);
    if (refusal != null) {
      reply(refusal);
      return;
    }
    Occurrence occurrence = commandOccurrence(command, handler.matchText(command));
    respond(
        occurrence,
        rules.evaluate(occurrence),
        () -> handler.answer(this, command),
        reply -> handler.apply(this, command, reply));
  }

  private Occurrence commandOccurrence(Command command, String matchText) {
    Event event = command.verb.event;
    String sender = transaction != null ? transaction.sender : null;
    String recipient = null;
    boolean inTransaction = transaction != null;
    if (event == Event.MAIL) {
      sender = ((Address) command.parsed).address();
      inTransaction = true;
    } else if (event == Event.RCPT) {
      recipient = RcptHandler.recipient(command);
    }
    return new Occurrence(
        event, matchText, command.line, sender, recipient, inTransaction, tls, user != null, null);
  }

  /** An occurrence that is not tied to a parsed command. */
  Occurrence occurrence(Event event, String matchText, String commandLine) {
    return occurrence(event, matchText, commandLine, null);
  }

  Occurrence occurrence(Event event, String matchText, String commandLine, MessageView message) {
    return new Occurrence(
        event,
        matchText,
        commandLine,
        transaction != null ? transaction.sender : null,
        null,
        transaction != null,
        tls,
        user != null,
        message);
  }

  /** A swapped scenario takes effect at the next command, with fresh counters (SPEC 4.1). */
  private void followSwap() {
    ScenarioRuntime current = context.runtime();
    if (current != runtime) {
      runtime = current;
      rules = current.engine().connection(transcript.connection(), channel.clientIp());
    }
  }

  // ---- replies and actions ----

  /** A reply from the server itself, seen by no rule. */
  void reply(Reply reply) {
    write(renderDefault(reply), null);
  }

  /**
   * Answers an occurrence: with the rule that fired, or the default. {@code effect} gets the reply
   * once it has been handed to the transport (null after {@code raw}).
   */
  void respond(
      Occurrence occurrence, Match match, Supplier<Reply> defaultReply, Consumer<Reply> effect) {
    if (match == null) {
      Reply reply = defaultReply.get();
      write(renderDefault(reply), null);
      effect.accept(reply);
      closeAfter421(reply);
      return;
    }
    Rule rule = match.rule();
    Duration delay = rule.delay() == null ? Duration.ZERO : rules.delayFor(match);
    if (delay.isZero()) {
      perform(occurrence, match, defaultReply, effect);
      return;
    }
    busy = true;
    idle.stop();
    context
        .scheduler()
        .schedule(
            () -> {
              synchronized (this) {
                if (mode == Mode.CLOSED) {
                  return;
                }
                busy = false;
                perform(occurrence, match, defaultReply, effect);
                drain();
              }
            },
            delay.toNanos(),
            TimeUnit.NANOSECONDS);
  }

  private void perform(
      Occurrence occurrence, Match match, Supplier<Reply> defaultReply, Consumer<Reply> effect) {
    Rule rule = match.rule();
    RuleRef ref = ref(match);
    if (rule.action() instanceof Action.Strike strike) {
      fault(strike.fault(), ref);
      return;
    }
    Action.Written written = (Action.Written) rule.action();
    Reply reply = null;
    byte[] bytes;
    if (rule.raw() != null) {
      bytes = fill(rule.raw(), occurrence).getBytes(StandardCharsets.ISO_8859_1);
    } else if (rule.reply() != null) {
      reply = rule.reply().withText(text -> fill(text, occurrence));
      bytes = reply.render().getBytes(StandardCharsets.UTF_8);
    } else {
      reply = defaultReply.get();
      bytes = renderDefault(reply);
    }
    Reply given = reply;
    Runnable after =
        () -> {
          effect.accept(given);
          then(written.then(), given, ref);
        };
    if (written.drip() != null) {
      drip(bytes, written.drip(), ref, after);
    } else {
      write(bytes, ref);
      after.run();
    }
  }

  private void drip(byte[] bytes, Duration pause, RuleRef ref, Runnable after) {
    lastWritten = text(bytes);
    transcript.server(lastWritten, ref);
    busy = true;
    idle.stop();
    dripFrom(bytes, 0, pause, after);
  }

  private void dripFrom(byte[] bytes, int index, Duration pause, Runnable after) {
    channel.write(new byte[] {bytes[index]});
    if (index + 1 == bytes.length) {
      busy = false;
      after.run();
      return;
    }
    context
        .scheduler()
        .schedule(
            () -> {
              synchronized (this) {
                if (mode != Mode.CLOSED) {
                  dripFrom(bytes, index + 1, pause, after);
                  if (!busy) {
                    drain();
                  }
                }
              }
            },
            pause.toNanos(),
            TimeUnit.NANOSECONDS);
  }

  private void then(Then then, Reply reply, RuleRef ref) {
    if (then == null) {
      closeAfter421(reply);
      return;
    }
    switch (then) {
      case CLOSE -> close(End.FAULT, false);
      case RESET -> close(End.FAULT, true);
      case HANG -> hang();
    }
  }

  private void closeAfter421(Reply reply) {
    if (reply != null && reply.code() == 421 && mode != Mode.CLOSED) {
      close(End.FAULT, false);
    }
  }

  private void fault(Fault fault, RuleRef ref) {
    if (fault == Fault.TLS_FAILURE) {
      write(renderDefault(Replies.READY_FOR_TLS), ref);
    }
    String name = fault.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    transcript.server("(fault: " + name + ")", ref);
    switch (fault) {
      case DISCONNECT -> close(End.FAULT, false);
      case RESET -> close(End.FAULT, true);
      case HANG -> hang();
      case TLS_FAILURE -> {
        discardInput("plaintext");
        mode = Mode.AWAIT_TLS_RECORD;
        busy = false;
      }
    }
  }

  private void hang() {
    discardInput("input");
    mode = Mode.HUNG;
    channel.suspendRead();
    hangEnd =
        context
            .scheduler()
            .schedule(
                () -> {
                  synchronized (this) {
                    if (mode == Mode.HUNG) {
                      close(End.FAULT, false);
                    }
                  }
                },
                settings.idleTimeout().toNanos(),
                TimeUnit.NANOSECONDS);
  }

  /** Closes after what is queued has been written; the commands not yet processed are dropped. */
  private void close(End end, boolean reset) {
    end(end);
    if (reset) {
      channel.resetOnFlush();
    } else {
      channel.closeOnFlush();
    }
  }

  /** The connection is over: nothing scheduled for it may keep it in memory. */
  private void stopTimers() {
    mode = Mode.CLOSED;
    idle.cancel();
    if (hangEnd != null) {
      hangEnd.cancel(false);
    }
  }

  void quit() {
    end(End.QUIT);
    channel.closeAfterClient();
  }

  /** The session is over; what the client sent and was not processed is dropped. */
  private void end(End end) {
    discardInput("input");
    stopTimers();
    transcript.end(end);
  }

  private void discardInput(String what) {
    int dropped = input.clear();
    if (dropped > 0) {
      transcript.client("(" + dropped + " bytes of " + what + " discarded)");
    }
  }

  private void write(byte[] bytes, RuleRef ref) {
    lastWritten = text(bytes);
    transcript.server(lastWritten, ref);
    channel.write(bytes);
    long scheduled = channel.scheduledWriteBytes();
    transcript.queuedForWriting(scheduled);
    if (scheduled > WRITE_HIGH_WATER && !writeBlocked) {
      writeBlocked = true;
      channel.suspendRead();
    }
  }

  private static String text(byte[] bytes) {
    int n = bytes.length;
    boolean crlf = n >= 2 && bytes[n - 2] == '\r' && bytes[n - 1] == '\n';
    return new String(bytes, 0, crlf ? n - 2 : n, StandardCharsets.UTF_8);
  }

  /** Default replies lose their enhanced codes when ENHANCEDSTATUSCODES is not advertised. */
  private byte[] renderDefault(Reply reply) {
    Reply shown =
        settings.advertises(Extension.ENHANCEDSTATUSCODES) ? reply : reply.withoutEnhancedCode();
    return shown.render().getBytes(StandardCharsets.UTF_8);
  }

  private String fill(String text, Occurrence occurrence) {
    return Placeholders.fill(
        text,
        name ->
            switch (name) {
              case "hostname" -> settings.hostname();
              case "client-ip" -> channel.clientIp();
              case "session" -> transcript.id();
              case "sender" -> occurrence.sender();
              case "recipient" -> occurrence.recipient();
              case "id" -> messages.pendingId();
              default -> null;
            });
  }

  private static RuleRef ref(Match match) {
    Rule rule = match.rule();
    String name = rule.name() != null ? rule.name() : "rule " + (match.index() + 1);
    Rule.Location at = rule.location();
    return at == null
        ? new RuleRef(name, null, 0, 0)
        : new RuleRef(name, at.source(), at.line(), at.column());
  }

  /** The client completed a line: the idle timer starts again. */
  void activity() {
    idle.stop();
  }

  private void idleTimeout() {
    if (greetAfterHandshake && mode != Mode.CLOSED) {
      // nothing can be said: not in plaintext on a TLS port, not under TLS before the handshake
      transcript.server("(no TLS handshake within the idle timeout)", null);
      close(End.IDLE_TIMEOUT, false);
      return;
    }
    if (mode == Mode.CLOSED || mode == Mode.HUNG || busy) {
      return;
    }
    write(renderDefault(Replies.idleTimeout(settings.hostname())), null);
    close(End.IDLE_TIMEOUT, false);
  }

  // ---- session state, for the handlers ----

  ServerSettings settings() {
    return settings;
  }

  boolean tlsActive() {
    return tls;
  }

  String user() {
    return user;
  }

  void authenticated(String user) {
    this.user = user;
    transcript.user(user);
  }

  Transaction transaction() {
    return transaction;
  }

  void openTransaction(Transaction transaction) {
    this.transaction = transaction;
  }

  /** A MAIL was refused: it was occurrence 1 of a transaction that never opened. */
  void transactionNotOpened() {
    rules.transactionEnded();
  }

  void endTransaction() {
    transaction = null;
    rules.transactionEnded();
  }

  void startTls() {
    discardInput("plaintext");
    endTransaction();
    user = null;
    handshaking = true;
    channel.startTlsOnFlush(runtime.tls());
  }

  ServerContext context() {
    return context;
  }

  ConnectionRules rules() {
    return rules;
  }

  Transcript transcript() {
    return transcript;
  }

  /** Message data follows: the input is read by {@link MessageIntake}. */
  void expectData() {
    mode = Mode.DATA;
  }

  void expectCommand() {
    mode = Mode.COMMAND;
  }

  /** What the client sends from now on is read and dropped; returns what was already held. */
  void discardFromNow() {
    discarded += input.clear();
    mode = Mode.DISCARD;
  }

  /** The text of the last reply handed to the transport. */
  String lastWritten() {
    return lastWritten;
  }

  MessageIntake messages() {
    return messages;
  }

  ScenarioRuntime runtime() {
    return runtime;
  }

  void expectAuthResponse() {
    mode = Mode.AUTH_RESPONSE;
  }

  void expectChunk() {
    mode = Mode.BDAT_CHUNK;
  }

  void chunkDone() {
    mode = Mode.COMMAND;
  }

  boolean advertises(Extension extension) {
    return settings.advertises(extension);
  }
}
