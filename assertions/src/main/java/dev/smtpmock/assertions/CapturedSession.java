package dev.smtpmock.assertions;

import java.time.Instant;
import java.util.List;

/**
 * One SMTP connection and its transcript, as the dialogue assertions read it. Its {@code
 * toString()} is the transcript with a first line naming the session: failures quote it.
 */
public interface CapturedSession {
  String id();

  Instant startedAt();

  /** How it ended ({@code QUIT}, {@code FAULT}, …, as the side's own enum); null while open. */
  Enum<?> end();

  List<? extends Line> lines();

  /** One line of the transcript: a command, data note or whole reply. */
  interface Line {
    Instant at();

    /** True for what the client sent, false for the server's replies and notes. */
    boolean fromClient();

    String text();
  }
}
