package dev.smtpmock.scenario;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which occurrences a rule fires on (SPEC 2.3, 2.4), and for {@code after-bytes} at which point of
 * the data (2.6). A matcher not given is null; {@code events}, {@code keys}, {@code connections}
 * and {@code headers} are empty.
 *
 * @param headers header name (as written) to value pattern
 */
public record Matching(
    Set<Event> events,
    Integer nth,
    Integer after,
    Scope per,
    List<CounterKey> keys,
    List<Rule.ConnectionRange> connections,
    Integer times,
    Pattern match,
    Map<String, Pattern> headers,
    Pattern body,
    Long minSize,
    Double probability,
    Boolean tls,
    Boolean authenticated,
    Rule.Rate rate,
    Long afterBytes) {

  public Matching {
    events = Collections.unmodifiableSet(new LinkedHashSet<>(events));
    keys = List.copyOf(keys);
    connections = List.copyOf(connections);
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** The scope, {@link Scope#CONNECTION} when none was given. */
  @Override
  public Scope per() {
    return per == null ? Scope.CONNECTION : per;
  }

  /** Whether {@code per} was written; for rendering. */
  public boolean hasPer() {
    return per != null;
  }

  public boolean on(Event event) {
    return events.contains(event);
  }

  /** True when there is a counting matcher ({@code nth}, {@code after} or {@code rate}). */
  public boolean counts() {
    return nth != null || after != null || rate != null;
  }

  // Equal when they match the same: a Pattern equals only itself, header names are
  // case-insensitive (SPEC 2.4), and no per is per: connection.
  @Override
  public boolean equals(Object o) {
    return o instanceof Matching m && compared().equals(m.compared());
  }

  @Override
  public int hashCode() {
    return compared().hashCode();
  }

  private List<Object> compared() {
    return Arrays.asList(
        events,
        nth,
        after,
        per(),
        keys,
        connections,
        times,
        regex(match),
        regexes(headers),
        regex(body),
        minSize,
        probability,
        tls,
        authenticated,
        rate,
        afterBytes);
  }

  private static List<Object> regex(Pattern p) {
    return p == null ? null : List.of(p.pattern(), p.flags());
  }

  private static Map<String, List<Object>> regexes(Map<String, Pattern> patterns) {
    Map<String, List<Object>> result = new LinkedHashMap<>();
    patterns.forEach((name, p) -> result.put(name.toLowerCase(Locale.ROOT), regex(p)));
    return result;
  }
}
