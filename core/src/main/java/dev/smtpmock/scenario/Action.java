package dev.smtpmock.scenario;

import java.time.Duration;

/**
 * What a rule does when it fires (SPEC 2.6): answer (with its own reply, or the server's default),
 * write raw bytes, or strike with a fault. The three exclude each other by type; the modifiers a
 * kind allows are its components, null when not given.
 */
public sealed interface Action {
  /** The wait before anything is written; null for none. */
  Rule.Delay delay();

  /**
   * A reply: the rule's own, or, when {@code reply} is null, what the server would answer without
   * the rule (a {@code delay}, {@code drip} or {@code then} alone).
   */
  record Answer(Reply reply, Rule.Delay delay, Duration drip, Then then) implements Action {
    /** The server's default answer, unmodified: what happens when no rule fires. */
    public static final Answer DEFAULT = new Answer(null, null, null, null);
  }

  /** Bytes written exactly, one character per byte (ISO-8859-1); never changes the session. */
  record Raw(String bytes, Rule.Delay delay, Duration drip, Then then) implements Action {}

  /** A failure of the transport instead of a reply. */
  record Strike(Fault fault, Rule.Delay delay) implements Action {}
}
