package dev.smtpmock.assertions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A session's transcript read as exchanges: what the client did and the reply it got. The server
 * processes one command at a time and writes its reply before taking the next (SPEC 2.5), so in the
 * transcript each reply follows what it answers, pipelining or not.
 */
final class Dialogue {
  private static final Pattern ADDRESS = Pattern.compile("<([^>]*)>");
  private static final Pattern DISCARDED = Pattern.compile("\\(\\d+ bytes of .* discarded\\)");
  private static final Pattern DATA_NOTE =
      Pattern.compile("\\((message data: \\d+ bytes|\\d+ bytes of (message|chunk) data)\\)");

  private Dialogue() {}

  /** What the client did. */
  enum Kind {
    /** The connection itself; its reply is the greeting. */
    CONNECT,
    /** A command line. */
    COMMAND,
    /** A line of an AUTH exchange (after a 334), not a command. */
    AUTH_RESPONSE,
    /** The message data, up to the final dot or the last BDAT chunk. */
    MESSAGE,
    /** Not the client: the server's note that TLS was established. */
    TLS_ESTABLISHED
  }

  /**
   * One exchange.
   *
   * @param text the command line as sent, or the transcript's note
   * @param reply the reply, a {@code (fault: …)} note, or null when none came
   * @param repliedAt null with {@code reply}
   */
  record Exchange(
      Kind kind, String text, Instant sentAt, String reply, Instant repliedAt, String sessionId) {

    /** The command's verb, upper case; empty for anything but a command. */
    String verb() {
      if (kind != Kind.COMMAND) {
        return "";
      }
      if (text.startsWith("(")) {
        return text; // the server's note for a line it could not read, e.g. one too long
      }
      int space = text.indexOf(' ');
      return (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    /** The reply code, or -1 when there was no reply, or a fault instead. */
    int code() {
      if (reply == null || reply.length() < 3 || !Character.isDigit(reply.charAt(0))) {
        return -1;
      }
      try {
        return Integer.parseInt(reply.substring(0, 3));
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    boolean positive() {
      int code = code();
      return code >= 200 && code < 400;
    }

    /**
     * What a retry of this exchange looks like: the same verb, for MAIL and RCPT with the same
     * address (parameters such as SIZE may change between attempts).
     */
    String retryKey() {
      return switch (kind) {
        case CONNECT, MESSAGE, TLS_ESTABLISHED -> kind.name();
        case AUTH_RESPONSE -> "AUTH";
        case COMMAND -> {
          String verb = verb();
          Matcher address = ADDRESS.matcher(text);
          yield (verb.equals("MAIL") || verb.equals("RCPT")) && address.find()
              ? verb + " " + address.group(1).toLowerCase(Locale.ROOT)
              : verb;
        }
      };
    }

    /** One line for failure messages. */
    String describe() {
      String what = kind == Kind.CONNECT ? "connect" : text;
      return "\""
          + what
          + "\" -> "
          + (reply == null ? "(no reply)" : "\"" + firstLine(reply) + "\"");
    }
  }

  static List<Exchange> of(CapturedSession session) {
    List<Exchange> exchanges = new ArrayList<>();
    Pending pending = new Pending(Kind.CONNECT, "(connect)", session.startedAt());
    int lastCode = -1;
    for (CapturedSession.Line line : session.lines()) {
      String text = line.text();
      if (line.fromClient()) {
        if (DISCARDED.matcher(text).matches()) {
          continue; // bytes thrown away, answered by nothing
        }
        Kind kind = kind(text, lastCode);
        if (pending != null
            && kind == Kind.MESSAGE
            && pending.text.regionMatches(true, 0, "BDAT", 0, 4)) {
          continue; // a chunk belongs to its BDAT command, which the reply answers
        }
        if (pending != null) {
          exchanges.add(pending.unanswered(session.id()));
        }
        pending = new Pending(kind, text, line.at());
      } else if (text.startsWith("(TLS established")) {
        exchanges.add(
            new Exchange(Kind.TLS_ESTABLISHED, text, line.at(), null, null, session.id()));
      } else if (text.startsWith("(fault:") || !text.startsWith("(")) {
        if (pending != null) {
          Exchange exchange = pending.answered(text, line.at(), session.id());
          exchanges.add(exchange);
          lastCode = exchange.code();
          pending = null;
        }
      }
    }
    if (pending != null) {
      exchanges.add(pending.unanswered(session.id()));
    }
    return exchanges;
  }

  private static Kind kind(String text, int lastCode) {
    if (DATA_NOTE.matcher(text).matches()) {
      return Kind.MESSAGE;
    }
    return lastCode == 334 ? Kind.AUTH_RESPONSE : Kind.COMMAND;
  }

  static String firstLine(String reply) {
    int end = reply.indexOf('\r');
    return end < 0 ? reply : reply.substring(0, end) + " …";
  }

  private record Pending(Kind kind, String text, Instant at) {
    Exchange answered(String reply, Instant repliedAt, String sessionId) {
      return new Exchange(kind, text, at, reply, repliedAt, sessionId);
    }

    Exchange unanswered(String sessionId) {
      return new Exchange(kind, text, at, null, null, sessionId);
    }
  }
}
