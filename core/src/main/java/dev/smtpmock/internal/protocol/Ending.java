package dev.smtpmock.internal.protocol;

import dev.smtpmock.scenario.Fault;
import dev.smtpmock.scenario.Then;

/** How an action ends a connection: the one notion behind {@code fault} and {@code then}. */
enum Ending {
  /** Close after what is queued is written (FIN). */
  CLOSE,
  /** Abort with a TCP RST once what is queued is written. */
  RESET,
  /** Write nothing more, stop reading, close silently after the idle timeout. */
  HANG,
  /** Wait for the client's first TLS record, then RST: a handshake that fails (SPEC 2.6). */
  RESET_AT_TLS_RECORD;

  static Ending of(Fault fault) {
    return switch (fault) {
      case DISCONNECT -> CLOSE;
      case RESET -> RESET;
      case HANG -> HANG;
      case TLS_FAILURE -> RESET_AT_TLS_RECORD;
    };
  }

  static Ending of(Then then) {
    return switch (then) {
      case CLOSE -> CLOSE;
      case RESET -> RESET;
      case HANG -> HANG;
    };
  }
}
