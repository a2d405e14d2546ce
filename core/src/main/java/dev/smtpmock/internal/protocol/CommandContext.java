package dev.smtpmock.internal.protocol;

import dev.smtpmock.internal.store.Transcript;
import dev.smtpmock.scenario.Reply;

/** What a command handler may do to its session; the connection behind it keeps the rest. */
interface CommandContext {
  /** Reads the input a line at a time, for AUTH's responses. */
  interface LineReader {
    void line(String line);
  }

  /** Reads the input as bytes, for message data and BDAT chunks. */
  interface ByteReader {
    /** Reads what it can of {@code input}; false when it needs more. */
    boolean step(InputBuffer input);
  }

  SessionState state();

  OccurrenceDoor door();

  MessageIntake messages();

  Transcript transcript();

  ServerContext server();

  /** The text of the last reply handed to the transport. */
  String lastWritten();

  /** A reply from the server itself, seen by no rule (a syntax or sequence failure, a 334). */
  void reply(Reply reply);

  /** The next line goes to {@code reader}; the lines after it are commands again. */
  void readLine(LineReader reader);

  /** The input goes to {@code reader} until it calls {@link #readCommands()}. */
  void readBytes(ByteReader reader);

  void readCommands();

  /** What the client sends from now on is read and dropped, counted in the transcript. */
  void discardFromNow();

  /** The client completed a line: the idle timer starts again. */
  void activity();

  /** STARTTLS was accepted: the handshake starts once the 220 is written. */
  void startTls();

  /** QUIT was answered 221: the session ends. */
  void quit();

  /** True once the session takes no more replies: closed, hung, or failing its TLS. */
  boolean ended();

  /**
   * Runs {@code task} holding the session's lock once what is under way (an action and its then) is
   * done; meanwhile the session owes a reply.
   */
  void later(Runnable task);

  /** The input cannot be read on: the server closes once what is owed is written (FIN). */
  void close();
}
