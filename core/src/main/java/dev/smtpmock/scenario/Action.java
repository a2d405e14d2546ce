package dev.smtpmock.scenario;

import java.time.Duration;

/**
 * What a rule does when it fires (SPEC 2.6): answer (with its own reply, or the server's default),
 * write raw bytes, or strike with a fault. The three exclude each other by type; the modifiers a
 * kind allows are its components, null when not given.
 */
public sealed interface Action permits Action.Written, Action.Strike {
  /** The wait before anything is written; null for none. */
  Rule.Delay delay();

  /** An action that writes something, so that {@code drip} and {@code then} apply to it. */
  sealed interface Written extends Action permits Answer, Raw {
    /** The pause between the bytes written; null to write them at once. */
    Duration drip();

    /** How the connection ends after the writing; null when it goes on. */
    Then then();
  }

  /**
   * A reply: the rule's own, or, when {@code reply} is null, what the server would answer without
   * the rule (a {@code delay}, {@code drip} or {@code then} alone).
   */
  record Answer(Reply reply, Rule.Delay delay, Duration drip, Then then) implements Written {
    /** The server's default answer, unmodified: what happens when no rule fires. */
    public static final Answer DEFAULT = new Answer(null, null, null, null);
  }

  /** Bytes written exactly, one character per byte (ISO-8859-1); never changes the session. */
  record Raw(String bytes, Rule.Delay delay, Duration drip, Then then) implements Written {}

  /** A failure of the transport instead of a reply. */
  record Strike(Fault fault, Rule.Delay delay) implements Action {}
}
