package dev.smtpmock.internal.rules;

import dev.smtpmock.internal.message.MessageView;
import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Matching;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The matchers that depend on the occurrence alone, not on any count (SPEC 2.4). */
final class Matchers {
  private Matchers() {}

  /** Whether the rule counts occurrences of this event: its own, or any command for {@code any}. */
  static boolean listens(Matching matching, Event event) {
    boolean command = event != Event.CONNECT && event != Event.MESSAGE && event != Event.DELIVERY;
    return matching.on(event) || (command && matching.on(Event.ANY));
  }

  /**
   * Whether every matcher of the rule holds. {@code match} is the connection's matcher of the
   * rule's {@code match} pattern, or null when it has none.
   */
  static boolean hold(Matching matching, Occurrence o, int connectionNumber, Matcher match) {
    return inConnections(matching, connectionNumber)
        && (matching.tls() == null || matching.tls() == o.tls())
        && (matching.authenticated() == null || matching.authenticated() == o.authenticated())
        && (match == null || finds(match, matchText(matching, o)))
        && messageHolds(matching, o.message());
  }

  private static boolean inConnections(Matching matching, int connectionNumber) {
    return matching.connections().isEmpty()
        || matching.connections().stream().anyMatch(r -> r.contains(connectionNumber));
  }

  // A rule that names the event sees its argument; one that only hears it through `any` sees the
  // whole line, as SPEC 2.4 gives `any` rules.
  private static String matchText(Matching matching, Occurrence o) {
    return matching.on(o.event()) ? o.matchText() : o.commandLine();
  }

  private static boolean messageHolds(Matching matching, MessageView message) {
    boolean needsMessage =
        !matching.headers().isEmpty() || matching.body() != null || matching.minSize() != null;
    if (!needsMessage) {
      return true;
    }
    if (message == null) {
      return false;
    }
    if (matching.minSize() != null && message.size() < matching.minSize()) {
      return false;
    }
    for (Map.Entry<Matching.HeaderName, Matching.Regex> header : matching.headers().entrySet()) {
      Pattern pattern = header.getValue().pattern();
      if (message.headerValues(header.getKey().name()).stream()
          .noneMatch(value -> pattern.matcher(value).find())) {
        return false;
      }
    }
    return matching.body() == null || matching.body().pattern().matcher(message.body()).find();
  }

  private static boolean finds(Matcher matcher, String text) {
    return matcher.reset(text == null ? "" : text).find();
  }
}
