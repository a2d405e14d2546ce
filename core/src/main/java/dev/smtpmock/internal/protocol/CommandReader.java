package dev.smtpmock.internal.protocol;

import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Protocol;
import dev.smtpmock.scenario.ServerSettings;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Frames command lines and hands each to its verb's handler: the syntax failures of the line itself
 * (too long, NUL, bare CR, bad UTF-8) are answered here, an unknown verb is the {@code unknown}
 * event.
 */
final class CommandReader implements CommandContext.ByteReader {
  private static final Map<Verb, CommandHandler> HANDLERS = handlers();
  private static final CommandHandler UNKNOWN =
      new NoService(
          (command, session) ->
              session
                  .door()
                  .enter(
                      session.state().occurrence(Event.UNKNOWN, command.line, command.line, null),
                      () -> Replies.NOT_RECOGNIZED,
                      reply -> {}));

  private final CommandContext session;
  private final int maxLineLength;
  private final Protocol protocol;
  private boolean discardingLongLine;

  CommandReader(CommandContext session, ServerSettings settings) {
    this.session = session;
    this.maxLineLength = settings.maxLineLength();
    this.protocol = settings.protocol();
  }

  private static Map<Verb, CommandHandler> handlers() {
    Map<Verb, CommandHandler> map = new EnumMap<>(Verb.class);
    map.put(Verb.HELO, new HeloHandler(false));
    map.put(Verb.EHLO, new HeloHandler(true));
    map.put(Verb.LHLO, new HeloHandler(true));
    map.put(Verb.MAIL, new MailHandler());
    map.put(Verb.RCPT, new RcptHandler());
    map.put(Verb.DATA, new DataHandler());
    map.put(Verb.BDAT, new BdatHandler());
    map.put(Verb.AUTH, new AuthHandler());
    map.put(Verb.RSET, SimpleHandlers.RSET);
    map.put(Verb.NOOP, SimpleHandlers.NOOP);
    map.put(Verb.VRFY, new VrfyHandler());
    map.put(Verb.EXPN, SimpleHandlers.NOT_RECOGNIZED);
    map.put(Verb.HELP, SimpleHandlers.NOT_RECOGNIZED);
    map.put(Verb.QUIT, SimpleHandlers.QUIT);
    map.put(Verb.STARTTLS, new StartTlsHandler());
    map.replaceAll(
        (verb, handler) ->
            verb == Verb.QUIT || verb == Verb.BDAT ? handler : new NoService(handler));
    return map;
  }

  /** Reads one command line if a whole one has arrived; false when more input is needed. */
  @Override
  public boolean step(InputBuffer input) {
    byte[] raw = line(input);
    if (raw == null) {
      return false;
    }
    if (raw.length > 0) {
      command(raw, withoutLineEnd(raw));
    }
    return true;
  }

  /** Reads a multi-step command's response line (AUTH's), taken as ISO-8859-1, for reader. */
  boolean stepResponse(InputBuffer input, CommandContext.LineReader reader) {
    byte[] raw = line(input);
    if (raw == null) {
      return false;
    }
    if (raw.length > 0) {
      String line = new String(raw, 0, withoutLineEnd(raw), StandardCharsets.ISO_8859_1);
      session.transcript().client(line);
      session.readCommands();
      reader.line(line);
    }
    return true;
  }

  /**
   * The next line with its LF, null until one has arrived, or an empty array for a line too long,
   * which is answered here.
   */
  private byte[] line(InputBuffer input) {
    int lf = input.indexOfLf();
    if (lf < 0) {
      if (input.available() > maxLineLength) {
        input.clear();
        discardingLongLine = true;
      }
      return null;
    }
    byte[] raw = input.take(lf + 1);
    session.activity();
    if (discardingLongLine || raw.length > maxLineLength) {
      discardingLongLine = false;
      session.transcript().client("(line too long: discarded)");
      session.reply(Replies.LINE_TOO_LONG);
      return new byte[0];
    }
    return raw;
  }

  private static int withoutLineEnd(byte[] raw) {
    int length = raw.length - 1;
    return length > 0 && raw[length - 1] == '\r' ? length - 1 : length;
  }

  private void command(byte[] raw, int length) {
    // A NUL or a bare CR would otherwise be echoed into a reply (VRFY, 555) or a placeholder,
    // corrupting the reply stream; both are refused as Postfix refuses malformed input.
    for (int i = 0; i < length; i++) {
      if (raw[i] == 0 || raw[i] == '\r') {
        session.transcript().client(new String(raw, 0, length, StandardCharsets.ISO_8859_1));
        session.reply(Replies.BAD_SYNTAX);
        return;
      }
    }
    String line = decode(raw, length);
    if (line == null) {
      session.transcript().client(new String(raw, 0, length, StandardCharsets.ISO_8859_1));
      session.reply(Replies.BAD_UTF8);
      return;
    }
    session.transcript().client(line);
    session.door().followSwap();
    Command command = Command.parse(line);
    Verb verb = command.verb;
    (verb == null || !verb.belongsTo(protocol) ? UNKNOWN : HANDLERS.get(verb))
        .handle(command, session);
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
}
