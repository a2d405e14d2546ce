package dev.smtpmock.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which occurrences a rule fires on (SPEC 2.3, 2.4), and for {@code after-bytes} at which point of
 * the data (2.6). A matcher not given is null; {@code events}, {@code keys}, {@code connections}
 * and {@code headers} are empty. Every component compares by value, so two rules match alike
 * exactly when their matchings are equal.
 *
 * @param per the scope; {@link Scope#CONNECTION} when none was given, the same thing
 */
public record Matching(
    Set<Event> events,
    Integer nth,
    Integer after,
    Scope per,
    List<CounterKey> keys,
    List<Rule.ConnectionRange> connections,
    Integer times,
    Regex match,
    Map<HeaderName, Regex> headers,
    Regex body,
    Long minSize,
    Double probability,
    Boolean tls,
    Boolean authenticated,
    Rule.Rate rate,
    Long afterBytes) {

  /** A regex, equal to another of the same text and flags, where a {@link Pattern} is not. */
  public record Regex(Pattern pattern) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Regex r
          && pattern.pattern().equals(r.pattern.pattern())
          && pattern.flags() == r.pattern.flags();
    }

    @Override
    public int hashCode() {
      return Objects.hash(pattern.pattern(), pattern.flags());
    }

    @Override
    public String toString() {
      return pattern.pattern();
    }
  }

  /** A header name as written, equal to the same name in any case (SPEC 2.4). */
  public record HeaderName(String name) {
    @Override
    public boolean equals(Object o) {
      return o instanceof HeaderName h && name.equalsIgnoreCase(h.name);
    }

    @Override
    public int hashCode() {
      return name.toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  public Matching {
    events = Collections.unmodifiableSet(new LinkedHashSet<>(events));
    per = per == null ? Scope.CONNECTION : per;
    keys = List.copyOf(keys);
    connections = List.copyOf(connections);
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  public boolean on(Event event) {
    return events.contains(event);
  }

  /** True when there is a counting matcher ({@code nth}, {@code after} or {@code rate}). */
  public boolean counts() {
    return nth != null || after != null || rate != null;
  }
}
