package dev.smtpmock.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One rule of a scenario: which occurrences it matches (SPEC 2.3, 2.4) and what it does to them
 * (SPEC 2.6). Immutable; made with {@link #when(Event...)} or by the YAML loader, which uses the
 * same builder.
 */
public final class Rule {

  /** A range of connection numbers, both ends included. */
  public record ConnectionRange(int from, int to) {
    public boolean contains(int connection) {
      return connection >= from && connection <= to;
    }

    @Override
    public String toString() {
      return from == to ? Integer.toString(from) : from + "-" + to;
    }
  }

  /** {@code rate: N/DURATION}. */
  public record Rate(int count, Duration window) {}

  /** {@code delay}: a fixed wait when {@code min == max}, else drawn uniformly from the range. */
  public record Delay(Duration min, Duration max) {}

  /** Where a rule was written, for transcripts and problems. */
  public record Location(String source, int line, int column) {
    @Override
    public String toString() {
      return source + ":" + line + ":" + column;
    }
  }

  private final String name;
  private final Set<Event> events;
  private final Integer nth;
  private final Integer after;
  private final Scope per;
  private final List<CounterKey> keys;
  private final List<ConnectionRange> connections;
  private final Integer times;
  private final Pattern match;
  private final Map<String, Pattern> headers;
  private final Pattern body;
  private final Long minSize;
  private final Double probability;
  private final Boolean tls;
  private final Boolean authenticated;
  private final Rate rate;
  private final Reply reply;
  private final String raw;
  private final Fault fault;
  private final Delay delay;
  private final Duration drip;
  private final Then then;
  private final Long afterBytes;
  private final Location location;
  private final Action action;

  private Rule(Builder b) {
    name = b.name;
    events = Collections.unmodifiableSet(new LinkedHashSet<>(b.events));
    nth = b.nth;
    after = b.after;
    per = b.per;
    keys = List.copyOf(b.keys);
    connections = List.copyOf(b.connections);
    times = b.times;
    match = b.match;
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    body = b.body;
    minSize = b.minSize;
    probability = b.probability;
    tls = b.tls;
    authenticated = b.authenticated;
    rate = b.rate;
    reply = b.reply;
    raw = b.raw;
    fault = b.fault;
    delay = b.delay;
    drip = b.drip;
    then = b.then;
    afterBytes = b.afterBytes;
    location = b.location;
    action = action(b);
  }

  // In an unchecked rule (the loader's, which reports the conflict itself) a fault wins over raw,
  // and raw over a reply.
  private static Action action(Builder b) {
    if (b.fault != null) {
      return new Action.Strike(b.fault, b.delay);
    }
    if (b.raw != null) {
      return new Action.Raw(b.raw, b.delay, b.drip, b.then);
    }
    return new Action.Answer(b.reply, b.delay, b.drip, b.then);
  }

  /** Starts a rule on these events ({@code when}). */
  public static Builder when(Event... events) {
    return new Builder().when(events);
  }

  /** Starts a rule with nothing set; for the loader, which sets {@code when} like any other key. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this rule's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.events.addAll(events);
    b.nth = nth;
    b.after = after;
    b.per = per;
    b.keys.addAll(keys);
    b.connections.addAll(connections);
    b.times = times;
    b.match = match;
    b.headers.putAll(headers);
    b.body = body;
    b.minSize = minSize;
    b.probability = probability;
    b.tls = tls;
    b.authenticated = authenticated;
    b.rate = rate;
    b.reply = reply;
    b.raw = raw;
    b.fault = fault;
    b.delay = delay;
    b.drip = drip;
    b.then = then;
    b.afterBytes = afterBytes;
    b.location = location;
    return b;
  }

  /** The rule's name, or null. */
  public String name() {
    return name;
  }

  public Set<Event> events() {
    return events;
  }

  public boolean on(Event event) {
    return events.contains(event);
  }

  public Integer nth() {
    return nth;
  }

  public Integer after() {
    return after;
  }

  /** The scope, {@link Scope#CONNECTION} when none was given. */
  public Scope per() {
    return per == null ? Scope.CONNECTION : per;
  }

  /** Whether {@code per} was written; for rendering. */
  public boolean hasPer() {
    return per != null;
  }

  public List<CounterKey> keys() {
    return keys;
  }

  /** The connections this rule is limited to; empty for all. */
  public List<ConnectionRange> connections() {
    return connections;
  }

  public Integer times() {
    return times;
  }

  public Pattern match() {
    return match;
  }

  /** Header name (as written) to value pattern. */
  public Map<String, Pattern> headers() {
    return headers;
  }

  public Pattern body() {
    return body;
  }

  public Long minSize() {
    return minSize;
  }

  public Double probability() {
    return probability;
  }

  public Boolean tls() {
    return tls;
  }

  public Boolean authenticated() {
    return authenticated;
  }

  public Rate rate() {
    return rate;
  }

  public Reply reply() {
    return reply;
  }

  public String raw() {
    return raw;
  }

  public Fault fault() {
    return fault;
  }

  public Delay delay() {
    return delay;
  }

  public Duration drip() {
    return drip;
  }

  public Then then() {
    return then;
  }

  public Long afterBytes() {
    return afterBytes;
  }

  /** What the rule does when it fires. */
  public Action action() {
    return action;
  }

  /** Where the rule was written, or null for a rule made in Java. */
  public Location location() {
    return location;
  }

  /** True when the rule has a counting matcher ({@code nth}, {@code after} or {@code rate}). */
  public boolean counts() {
    return nth != null || after != null || rate != null;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Rule r)) {
      return false;
    }
    return Objects.equals(name, r.name)
        && events.equals(r.events)
        && Objects.equals(nth, r.nth)
        && Objects.equals(after, r.after)
        && per() == r.per()
        && keys.equals(r.keys)
        && connections.equals(r.connections)
        && Objects.equals(times, r.times)
        && Objects.equals(regex(match), regex(r.match))
        && regexes(headers).equals(regexes(r.headers))
        && Objects.equals(regex(body), regex(r.body))
        && Objects.equals(minSize, r.minSize)
        && Objects.equals(probability, r.probability)
        && Objects.equals(tls, r.tls)
        && Objects.equals(authenticated, r.authenticated)
        && Objects.equals(rate, r.rate)
        && Objects.equals(reply, r.reply)
        && Objects.equals(raw, r.raw)
        && fault == r.fault
        && Objects.equals(delay, r.delay)
        && Objects.equals(drip, r.drip)
        && then == r.then
        && Objects.equals(afterBytes, r.afterBytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, events, nth, after, per(), keys, regex(match), reply, raw, fault);
  }

  private static String regex(Pattern p) {
    return p == null ? null : p.pattern();
  }

  private static Map<String, String> regexes(Map<String, Pattern> map) {
    Map<String, String> result = new LinkedHashMap<>();
    map.forEach((k, v) -> result.put(k.toLowerCase(java.util.Locale.ROOT), v.pattern()));
    return result;
  }

  @Override
  public String toString() {
    return "Rule["
        + (name != null ? name : events)
        + (location != null ? " at " + location : "")
        + "]";
  }

  /** Builds a {@link Rule}; each method is named after its YAML key. */
  public static final class Builder {
    private String name;
    private final Set<Event> events = new LinkedHashSet<>();
    private Integer nth;
    private Integer after;
    private Scope per;
    private final List<CounterKey> keys = new ArrayList<>();
    private final List<ConnectionRange> connections = new ArrayList<>();
    private Integer times;
    private Pattern match;
    private final Map<String, Pattern> headers = new LinkedHashMap<>();
    private Pattern body;
    private Long minSize;
    private Double probability;
    private Boolean tls;
    private Boolean authenticated;
    private Rate rate;
    private Reply reply;
    private String raw;
    private Fault fault;
    private Delay delay;
    private Duration drip;
    private Then then;
    private Long afterBytes;
    private Location location;

    private Builder() {}

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Adds events to {@code when}. */
    public Builder when(Event... events) {
      this.events.addAll(Arrays.asList(events));
      return this;
    }

    public Builder nth(int nth) {
      this.nth = nth;
      return this;
    }

    public Builder after(int after) {
      this.after = after;
      return this;
    }

    public Builder per(Scope per) {
      this.per = per;
      return this;
    }

    /** Adds a part of the counter key; repeatable. */
    public Builder key(CounterKey key) {
      keys.add(key);
      return this;
    }

    /** Limits the rule to these connection numbers; repeatable. */
    public Builder connection(int... numbers) {
      for (int n : numbers) {
        connections.add(new ConnectionRange(n, n));
      }
      return this;
    }

    /** Limits the rule to the connections {@code from} to {@code to}, both included. */
    public Builder connection(int from, int to) {
      connections.add(new ConnectionRange(from, to));
      return this;
    }

    public Builder times(int times) {
      this.times = times;
      return this;
    }

    /** A Java regex, found anywhere, case-insensitive unless it starts with {@code (?-i)}. */
    public Builder match(String regex) {
      this.match = compile(regex);
      return this;
    }

    /** A header that must be present with a value matching {@code regex}; repeatable. */
    public Builder header(String name, String regex) {
      headers.put(name, compile(regex));
      return this;
    }

    public Builder body(String regex) {
      this.body = compile(regex);
      return this;
    }

    /** The least size of the message data, in bytes. */
    public Builder minSize(long bytes) {
      this.minSize = bytes;
      return this;
    }

    public Builder probability(double probability) {
      this.probability = probability;
      return this;
    }

    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    public Builder authenticated(boolean authenticated) {
      this.authenticated = authenticated;
      return this;
    }

    public Builder rate(int count, Duration window) {
      this.rate = new Rate(count, window);
      return this;
    }

    /** The reply, e.g. {@code "452 4.5.3 Too many recipients"}. */
    public Builder reply(String reply) {
      return reply(Reply.parse(reply));
    }

    /** A multi-line reply, one item per line. */
    public Builder reply(List<String> lines) {
      return reply(Reply.parse(lines));
    }

    public Builder reply(Reply reply) {
      this.reply = reply;
      return this;
    }

    /** Bytes to write exactly, one character per byte (ISO-8859-1). */
    public Builder raw(String raw) {
      this.raw = raw;
      return this;
    }

    public Builder fault(Fault fault) {
      this.fault = fault;
      return this;
    }

    public Builder delay(Duration delay) {
      return delay(delay, delay);
    }

    /** A delay drawn uniformly from {@code min..max} with the scenario's seeded source. */
    public Builder delay(Duration min, Duration max) {
      this.delay = new Delay(min, max);
      return this;
    }

    public Builder drip(Duration pause) {
      this.drip = pause;
      return this;
    }

    public Builder then(Then then) {
      this.then = then;
      return this;
    }

    public Builder afterBytes(long bytes) {
      this.afterBytes = bytes;
      return this;
    }

    /** Where the rule was written; set by the loader. */
    public Builder location(Location location) {
      this.location = location;
      return this;
    }

    /**
     * Builds the rule.
     *
     * @throws IllegalArgumentException naming every combination SPEC 2.3, 2.4 and 2.6 forbid
     */
    public Rule build() {
      Rule rule = buildUnchecked();
      List<RuleChecks.Problem> errors = RuleChecks.errors(rule);
      if (!errors.isEmpty()) {
        throw new IllegalArgumentException(
            String.join("; ", errors.stream().map(RuleChecks.Problem::message).toList()));
      }
      return rule;
    }

    /** Builds without the checks, for the loader, which reports each problem at its own key. */
    Rule buildUnchecked() {
      return new Rule(this);
    }

    private static Pattern compile(String regex) {
      return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
  }
}
