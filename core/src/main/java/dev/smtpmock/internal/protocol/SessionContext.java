package dev.smtpmock.internal.protocol;

import dev.smtpmock.internal.rules.Occurrence;
import dev.smtpmock.internal.store.Transcript;
import dev.smtpmock.scenario.Reply;

/**
 * One session as its command handlers see it: its state, its door to the rules, its message intake
 * and transcript. What changes how input is read is the connection's, and is passed to it.
 */
final class SessionContext implements CommandContext, Placeholders.Values {
  private final SmtpConnection connection;
  private final ServerContext server;
  private final Transcript transcript;
  private final ReplyWriter writer;
  private final String clientIp;
  private final SessionState state;
  private final OccurrenceDoor door;
  private final MessageIntake messages;
  private final CommandReader commands;

  SessionContext(
      SmtpConnection connection,
      ServerContext server,
      Transcript transcript,
      ReplyWriter writer,
      String clientIp,
      dev.smtpmock.scenario.ServerSettings settings) {
    this.connection = connection;
    this.server = server;
    this.transcript = transcript;
    this.writer = writer;
    this.clientIp = clientIp;
    ActionExecutor executor =
        new ActionExecutor(
            connection, writer, transcript, server.scheduler(), server.answerer(), this);
    this.door = new OccurrenceDoor(server, transcript.connection(), clientIp, executor);
    this.state = new SessionState(settings, door::transactionEnded);
    this.messages = new MessageIntake(this);
    this.commands = new CommandReader(this, settings);
  }

  /** Reads command lines, the input's reader between the steps of multi-step commands. */
  CommandReader commands() {
    return commands;
  }

  @Override
  public SessionState state() {
    return state;
  }

  @Override
  public OccurrenceDoor door() {
    return door;
  }

  @Override
  public MessageIntake messages() {
    return messages;
  }

  @Override
  public Transcript transcript() {
    return transcript;
  }

  @Override
  public ServerContext server() {
    return server;
  }

  @Override
  public String lastWritten() {
    return writer.lastWritten();
  }

  @Override
  public void reply(Reply reply) {
    writer.builtIn(reply, null);
  }

  @Override
  public void readLine(LineReader reader) {
    connection.read(input -> commands.stepResponse(input, reader));
  }

  @Override
  public void readBytes(ByteReader reader) {
    connection.read(reader);
  }

  @Override
  public void readCommands() {
    connection.read(commands);
  }

  @Override
  public void discardFromNow() {
    connection.discardFromNow();
  }

  @Override
  public void activity() {
    connection.activity();
  }

  @Override
  public void startTls() {
    state.reset();
    connection.startTls(door.runtime().tls());
  }

  @Override
  public void quit() {
    connection.quit();
  }

  @Override
  public boolean ended() {
    return connection.ended();
  }

  @Override
  public void later(Runnable task) {
    connection.owe();
    server.scheduler().execute(() -> connection.settle(task));
  }

  @Override
  public void close() {
    connection.end(Ending.CLOSE);
  }

  @Override
  public String value(String name, Occurrence occurrence) {
    return switch (name) {
      case "hostname" -> state.settings().hostname();
      case "client-ip" -> clientIp;
      case "session" -> transcript.id();
      case "sender" -> occurrence.sender();
      case "recipient" -> occurrence.recipient();
      case "id" -> messages.pendingId();
      default -> null;
    };
  }
}
