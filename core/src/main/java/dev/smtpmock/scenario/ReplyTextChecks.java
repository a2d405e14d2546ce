package dev.smtpmock.scenario;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the text a rule writes: {@code raw} bytes, placeholders in {@code reply} and {@code raw}
 * (errors), and replies that real servers would frown at (warnings) — SPEC 2.6 and 2.7.
 */
final class ReplyTextChecks {
  /** RFC 5321 §4.2.3, RFC 3207, RFC 4954 and RFC 7504/7505. */
  private static final Set<Integer> KNOWN_CODES =
      Set.of(
          211, 214, 220, 221, 250, 251, 252, 354, 421, 450, 451, 452, 455, 500, 501, 502, 503, 504,
          550, 551, 552, 553, 554, 555, 454, 521, 530, 534, 535, 538, 556, 235, 334, 432);

  /** RFC 5321 §4.5.3.1.5: a reply line, CRLF included. */
  private static final int MAX_LINE_OCTETS = 512;

  private static final List<String> ALWAYS = List.of("hostname", "client-ip", "session");
  private static final List<String> PLACEHOLDERS =
      List.of("hostname", "client-ip", "session", "sender", "recipient", "id");

  private ReplyTextChecks() {}

  /** Checks the text of {@code reply} and {@code raw}, both when both are given. */
  static void errors(ActionKeys action, Set<Event> events, List<RuleChecks.Problem> problems) {
    if (action.reply() != null) {
      for (String line : action.reply().lines()) {
        placeholders(events, "reply", line, problems);
      }
    }
    if (action.raw() != null) {
      placeholders(events, "raw", action.raw(), problems);
      action
          .raw()
          .chars()
          .filter(c -> c > 0xFF)
          .findFirst()
          .ifPresent(
              c ->
                  problems.add(
                      new RuleChecks.Problem(
                          "raw",
                          String.format(
                              "raw is written one byte per character (ISO-8859-1), and '%c'"
                                  + " (U+%04X) has no byte; write bytes as \\xNN in double quotes",
                              c, c))));
    }
  }

  static List<RuleChecks.Problem> warnings(Rule rule) {
    List<RuleChecks.Problem> problems = new ArrayList<>();
    Reply reply = rule.reply();
    if (reply == null) {
      return problems;
    }
    List<String> wire = List.of(reply.render().split("(?<=\r\n)"));
    for (int i = 0; i < wire.size(); i++) {
      int octets = wire.get(i).getBytes(StandardCharsets.UTF_8).length;
      if (octets > MAX_LINE_OCTETS) {
        problems.add(
            new RuleChecks.Problem(
                "reply",
                "reply line "
                    + (i + 1)
                    + " is "
                    + octets
                    + " octets long; RFC 5321 allows "
                    + MAX_LINE_OCTETS
                    + ", CRLF included"));
      }
    }
    int code = reply.code();
    String enhanced = reply.enhancedCode();
    if (enhanced != null && enhanced.charAt(0) - '0' != code / 100) {
      problems.add(
          new RuleChecks.Problem(
              "reply",
              "enhanced code "
                  + enhanced
                  + " has class "
                  + enhanced.charAt(0)
                  + " but reply code "
                  + code
                  + " has class "
                  + code / 100));
    }
    if (!KNOWN_CODES.contains(code)) {
      problems.add(
          new RuleChecks.Problem(
              "reply",
              "reply code " + code + " is defined by none of RFC 5321, 3207, 4954, 7504 and 7505"));
    }
    Set<Event> events = rule.matching().events();
    Set<Event> others = EnumSet.copyOf(events.isEmpty() ? Set.of(Event.ANY) : events);
    others.removeAll(Set.of(Event.DATA, Event.AUTH));
    if (code / 100 == 3 && !others.isEmpty()) {
      problems.add(
          new RuleChecks.Problem(
              "reply",
              "a 3xx reply asks the client to go on, which only data and auth expect, not "
                  + RuleChecks.names(others)));
    }
    return problems;
  }

  /**
   * Checks each {@code {name}} as the engine will fill it: {@code {{} and {@code }}} are braces, a
   * brace with no placeholder after it is itself.
   */
  private static void placeholders(
      Set<Event> events, String key, String text, List<RuleChecks.Problem> problems) {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if ((c == '{' || c == '}') && i + 1 < text.length() && text.charAt(i + 1) == c) {
        i += 2;
        continue;
      }
      int close = c == '{' ? text.indexOf('}', i) : -1;
      if (close < 0) {
        i++;
        continue;
      }
      String name = text.substring(i + 1, close);
      String problem = problem(events, name);
      if (problem != null) {
        problems.add(new RuleChecks.Problem(key, problem));
      }
      i = close + 1;
    }
  }

  private static String problem(Set<Event> events, String name) {
    if (!PLACEHOLDERS.contains(name)) {
      return "unknown placeholder {"
          + name
          + "}"
          + DidYouMean.suggestion(name, PLACEHOLDERS, "{", "}")
          + " The placeholders are {hostname}, {client-ip}, {session}, {sender}, {recipient}"
          + " and {id}; write a brace as {{ or }}";
    }
    if (ALWAYS.contains(name) || events.isEmpty()) {
      return null;
    }
    Set<Event> without =
        switch (name) {
          case "sender" -> RuleChecks.minus(events, RuleChecks.TRANSACTION_EVENTS);
          case "recipient" -> RuleChecks.minus(events, Set.of(Event.RCPT, Event.DELIVERY));
          default -> RuleChecks.minus(events, Set.of(Event.MESSAGE, Event.DELIVERY));
        };
    if (without.isEmpty()) {
      return null;
    }
    String where =
        switch (name) {
          case "sender" -> "mail, rcpt, data, bdat, message and delivery";
          case "recipient" -> "rcpt and delivery";
          default -> "message and delivery";
        };
    return "{"
        + name
        + "} has no value on "
        + RuleChecks.names(without)
        + ": it is known only on "
        + where;
  }
}
