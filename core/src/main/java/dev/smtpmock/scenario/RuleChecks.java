package dev.smtpmock.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The per-rule combinations SPEC 2.3, 2.4, 2.6 and 2.7 forbid (errors) or question (warnings).
 * Shared by both front doors: {@link Rule.Builder#build()} throws on the errors, the loader reports
 * each at its key. The action keys are checked as given, before they become one {@link Action}.
 */
final class RuleChecks {
  /**
   * One problem with a rule.
   *
   * @param key the YAML key it belongs to, e.g. {@code after-bytes}; null for the whole rule
   */
  record Problem(String key, String message) {}

  /** The keys that make a rule's action (SPEC 2.6); after-bytes is one, since it needs one. */
  private static final Set<String> ACTION_KEYS =
      Set.of("reply", "raw", "fault", "delay", "drip", "then", "after-bytes");

  static final Set<Event> TRANSACTION_EVENTS =
      EnumSet.of(Event.MAIL, Event.RCPT, Event.DATA, Event.BDAT, Event.MESSAGE, Event.DELIVERY);
  private static final Set<Event> OUTSIDE_TRANSACTIONS =
      EnumSet.of(Event.CONNECT, Event.HELO, Event.EHLO, Event.STARTTLS, Event.AUTH, Event.QUIT);
  private static final Set<Event> WITHOUT_ARGUMENT =
      EnumSet.of(
          Event.CONNECT,
          Event.DATA,
          Event.MESSAGE,
          Event.QUIT,
          Event.RSET,
          Event.NOOP,
          Event.STARTTLS);

  private RuleChecks() {}

  /**
   * The rule's errors. {@code unread}: the keys the loader was given but refused (unknown keys, or
   * values it could not read; already reported); they are missing from {@code matching} and {@code
   * action}, so the checks that a missing key sets off are skipped for them, and nothing more is
   * said at them.
   */
  static List<Problem> errors(
      String name, Matching matching, ActionKeys action, Set<String> unread) {
    List<Problem> problems = new ArrayList<>();
    if (name != null && name.isBlank()) {
      problems.add(new Problem("name", "a rule name can't be blank"));
    }
    // an unknown key (e.g. the misspelt 'replay') may have been meant as any of them
    boolean guessed = RuleReader.KEYS.containsAll(unread);
    // with its events unknown, "needs when: X alone" would blame the wrong key
    boolean eventsKnown = guessed && !unread.contains("when");
    if (matching.events().isEmpty() && eventsKnown) {
      problems.add(new Problem("when", "a rule needs when: the event or events it reacts to"));
    }
    boolean actionKnown = guessed && unread.stream().noneMatch(ACTION_KEYS::contains);
    actions(matching, action, actionKnown, eventsKnown, problems);
    afterBytes(matching, action, actionKnown, eventsKnown, problems);
    occurrences(matching, problems);
    matchers(matching, eventsKnown, problems);
    ranges(matching, problems);
    ranges(action, problems);
    ReplyTextChecks.errors(action, matching.events(), problems);
    problems.removeIf(p -> p.key() != null && unread.contains(p.key()));
    return problems;
  }

  static List<Problem> warnings(Rule rule) {
    return ReplyTextChecks.warnings(rule);
  }

  private static void actions(
      Matching matching,
      ActionKeys action,
      boolean actionKnown,
      boolean eventsKnown,
      List<Problem> problems) {
    if (action.action().equals(Action.Answer.DEFAULT)
        && matching.afterBytes() == null
        && actionKnown) {
      problems.add(
          new Problem(
              null, "a rule needs an action: reply, raw, fault, delay, drip, then or after-bytes"));
    }
    List<String> writers = new ArrayList<>();
    if (action.reply() != null) {
      writers.add("reply");
    }
    if (action.raw() != null) {
      writers.add("raw");
    }
    if (action.fault() != null) {
      writers.add("fault");
    }
    if (writers.size() > 1) {
      problems.add(new Problem(writers.get(1), "give only one of reply, raw and fault"));
    }
    if (action.fault() != null && action.drip() != null) {
      problems.add(new Problem("drip", "drip slows down a reply, and a fault writes none"));
    }
    if (action.fault() != null && action.then() != null) {
      problems.add(new Problem("then", "then follows a reply, and a fault writes none"));
    }
    if (action.fault() == Fault.TLS_FAILURE
        && eventsKnown
        && !matching.events().equals(Set.of(Event.STARTTLS))
        && !matching.events().equals(Set.of(Event.CONNECT))) {
      problems.add(
          new Problem(
              "fault",
              "tls-failure is a fault of when: starttls alone, or of when: connect alone on an"
                  + " implicit-TLS server"));
    }
  }

  private static void afterBytes(
      Matching matching,
      ActionKeys action,
      boolean actionKnown,
      boolean eventsKnown,
      List<Problem> problems) {
    if (matching.afterBytes() == null) {
      return;
    }
    if (eventsKnown && !matching.events().equals(Set.of(Event.MESSAGE))) {
      problems.add(new Problem("after-bytes", "after-bytes needs when: message alone"));
    }
    if (actionKnown
        && action.fault() == null
        && ((action.reply() == null && action.raw() == null) || action.then() == null)) {
      problems.add(
          new Problem(
              "after-bytes",
              "after-bytes needs a fault, or a reply or raw with then: the data has not ended,"
                  + " so there is no default reply to give"));
    }
    for (String key : List.of("header", "body", "min-size")) {
      if (hasMessageMatcher(matching, key)) {
        problems.add(
            new Problem(key, key + " needs the whole message, so it can't go with after-bytes"));
      }
    }
  }

  private static void occurrences(Matching matching, List<Problem> problems) {
    Set<Event> outside = intersection(matching.events(), OUTSIDE_TRANSACTIONS);
    if (matching.per() == Scope.TRANSACTION && !outside.isEmpty()) {
      problems.add(
          new Problem(
              "per",
              "per: transaction can't count events outside transactions: " + names(outside)));
    }
    boolean connectOnly = matching.events().equals(Set.of(Event.CONNECT));
    if (connectOnly && matching.per() == Scope.CONNECTION) {
      String hint =
          " — connect happens once per connection; did you mean `per: server` or `connection: N`?";
      if (matching.nth() != null && matching.nth() > 1) {
        problems.add(new Problem("nth", "nth: " + matching.nth() + " never matches" + hint));
      }
      if (matching.after() != null) {
        problems.add(new Problem("after", "after on connect never matches" + hint));
      }
    }
    if (matching.nth() != null && matching.after() != null) {
      problems.add(new Problem("after", "nth and after can't be combined: choose one"));
    }
    if (matching.rate() != null && matching.per() == Scope.TRANSACTION) {
      problems.add(
          new Problem("rate", "rate counts per connection or per server, not per transaction"));
    }
  }

  private static void matchers(Matching matching, boolean eventsKnown, List<Problem> problems) {
    for (CounterKey key : matching.keys()) {
      if (key == CounterKey.SENDER && !TRANSACTION_EVENTS.containsAll(matching.events())) {
        problems.add(
            new Problem(
                "key",
                "key sender needs events inside a transaction (mail, rcpt, data, bdat, message,"
                    + " delivery), not "
                    + names(minus(matching.events(), TRANSACTION_EVENTS))));
      }
      if (key == CounterKey.RECIPIENT
          && !Set.of(Event.RCPT, Event.DELIVERY).containsAll(matching.events())) {
        problems.add(new Problem("key", "key recipient needs when: rcpt or delivery"));
      }
    }
    Set<Event> noArgument = intersection(matching.events(), WITHOUT_ARGUMENT);
    if (matching.match() != null && !noArgument.isEmpty()) {
      problems.add(new Problem("match", "match has nothing to test on " + names(noArgument)));
    }
    for (String key : List.of("header", "body", "min-size")) {
      if (hasMessageMatcher(matching, key)
          && eventsKnown
          && !matching.events().equals(Set.of(Event.MESSAGE))) {
        problems.add(new Problem(key, key + " needs when: message alone"));
      }
    }
  }

  private static void ranges(Matching matching, List<Problem> problems) {
    atLeast(problems, "nth", matching.nth(), 1);
    atLeast(problems, "after", matching.after(), 0);
    atLeast(problems, "times", matching.times(), 1);
    atLeast(problems, "min-size", matching.minSize(), 0);
    atLeast(problems, "after-bytes", matching.afterBytes(), 1);
    Double p = matching.probability();
    if (p != null && !(p >= 0 && p <= 1)) {
      problems.add(new Problem("probability", "probability must be from 0 to 1, not " + p));
    }
    for (Rule.ConnectionRange range : matching.connections()) {
      if (range.from() < 1 || range.to() < range.from()) {
        problems.add(
            new Problem(
                "connection",
                "connection " + range + ": connections are numbered 1, 2, …, ranges low-high"));
      }
    }
    if (matching.rate() != null) {
      atLeast(problems, "rate", matching.rate().count(), 0);
      if (!positive(matching.rate().window())) {
        problems.add(new Problem("rate", "rate needs a window longer than 0"));
      }
    }
  }

  private static void ranges(ActionKeys action, List<Problem> problems) {
    Rule.Delay delay = action.delay();
    if (delay != null && (delay.min().isNegative() || delay.max().compareTo(delay.min()) < 0)) {
      problems.add(new Problem("delay", "a delay range goes from the shorter to the longer"));
    }
    if (action.drip() != null && action.drip().isNegative()) {
      problems.add(new Problem("drip", "drip can't be negative"));
    }
  }

  private static boolean hasMessageMatcher(Matching matching, String key) {
    return switch (key) {
      case "header" -> !matching.headers().isEmpty();
      case "body" -> matching.body() != null;
      default -> matching.minSize() != null;
    };
  }

  private static void atLeast(List<Problem> problems, String key, Number value, long min) {
    if (value != null && value.longValue() < min) {
      problems.add(new Problem(key, key + " must be at least " + min + ", not " + value));
    }
  }

  private static boolean positive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }

  private static Set<Event> intersection(Set<Event> events, Set<Event> with) {
    Set<Event> result = EnumSet.noneOf(Event.class);
    events.stream().filter(with::contains).forEach(result::add);
    return result;
  }

  static Set<Event> minus(Set<Event> events, Set<Event> without) {
    Set<Event> result = EnumSet.noneOf(Event.class);
    events.stream().filter(e -> !without.contains(e)).forEach(result::add);
    return result;
  }

  /** Events in YAML spelling, e.g. {@code connect, helo}. */
  static String names(Set<Event> events) {
    return events.stream().map(ScenarioValues::yamlName).collect(Collectors.joining(", "));
  }
}
