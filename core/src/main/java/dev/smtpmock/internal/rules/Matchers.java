package dev.smtpmock.internal.rules;

import dev.smtpmock.internal.message.MessageView;
import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Rule;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The matchers that depend on the occurrence alone, not on any count (SPEC 2.4). */
final class Matchers {
  private Matchers() {}

  /** Whether the rule counts occurrences of this event: its own, or any command for {@code any}. */
  static boolean listens(Rule rule, Event event) {
    boolean command = event != Event.CONNECT && event != Event.MESSAGE;
    return rule.on(event) || (command && rule.on(Event.ANY));
  }

  /**
   * Whether every matcher of the rule holds. {@code match} is the connection's matcher of the
   * rule's {@code match} pattern, or null when it has none.
   */
  static boolean hold(Rule rule, Occurrence o, int connectionNumber, Matcher match) {
    return inConnections(rule, connectionNumber)
        && (rule.tls() == null || rule.tls() == o.tls())
        && (rule.authenticated() == null || rule.authenticated() == o.authenticated())
        && (match == null || finds(match, matchText(rule, o)))
        && messageHolds(rule, o.message());
  }

  private static boolean inConnections(Rule rule, int connectionNumber) {
    return rule.connections().isEmpty()
        || rule.connections().stream().anyMatch(r -> r.contains(connectionNumber));
  }

  // A rule that names the event sees its argument; one that only hears it through `any` sees the
  // whole line, as SPEC 2.4 gives `any` rules.
  private static String matchText(Rule rule, Occurrence o) {
    return rule.on(o.event()) ? o.matchText() : o.commandLine();
  }

  private static boolean messageHolds(Rule rule, MessageView message) {
    boolean needsMessage =
        !rule.headers().isEmpty() || rule.body() != null || rule.minSize() != null;
    if (!needsMessage) {
      return true;
    }
    if (message == null) {
      return false;
    }
    if (rule.minSize() != null && message.size() < rule.minSize()) {
      return false;
    }
    for (Map.Entry<String, Pattern> header : rule.headers().entrySet()) {
      if (message.headerValues(header.getKey()).stream()
          .noneMatch(value -> header.getValue().matcher(value).find())) {
        return false;
      }
    }
    return rule.body() == null || rule.body().matcher(message.body()).find();
  }

  private static boolean finds(Matcher matcher, String text) {
    return matcher.reset(text == null ? "" : text).find();
  }
}
