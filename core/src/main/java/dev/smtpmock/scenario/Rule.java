package dev.smtpmock.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One rule of a scenario: its name, which occurrences it matches (SPEC 2.3, 2.4) and what it does
 * to them (SPEC 2.6). Immutable; made with {@link #when(Event...)} or by the YAML loader, which
 * uses the same builder.
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
  private final Matching matching;
  private final Action action;
  private final Location location;

  private Rule(String name, Matching matching, Action action, Location location) {
    this.name = name;
    this.matching = matching;
    this.action = action;
    this.location = location;
  }

  /** Starts a rule on these events ({@code when}). */
  public static Builder when(Event... events) {
    return new Builder().when(events);
  }

  /** Starts a rule with nothing set; for the loader, which sets {@code when} like any other key. */
  public static Builder builder() {
    return new Builder();
  }

  /** The rule's name, or null. */
  public String name() {
    return name;
  }

  /** Which occurrences the rule fires on. */
  public Matching matching() {
    return matching;
  }

  /** What the rule does when it fires. */
  public Action action() {
    return action;
  }

  /** The rule's own reply, or null: it writes raw bytes, strikes, or gives the default reply. */
  public Reply reply() {
    return action instanceof Action.Answer answer ? answer.reply() : null;
  }

  /** The wait before the rule acts, or null. */
  public Delay delay() {
    return action.delay();
  }

  /** The bytes the rule writes, or null when it does not write raw bytes. */
  public String raw() {
    return action instanceof Action.Raw raw ? raw.bytes() : null;
  }

  /**
   * True for {@code fault: tls-failure} on {@code connect}: on an implicit-TLS server such a rule
   * is evaluated when the connection is accepted, before the handshake it breaks (SPEC 2.6).
   */
  public boolean failsTlsAtAccept() {
    return action instanceof Action.Strike strike
        && strike.fault() == Fault.TLS_FAILURE
        && matching.on(Event.CONNECT);
  }

  /** Where the rule was written, or null for a rule made in Java. */
  public Location location() {
    return location;
  }

  /** Equal when named, matching and acting alike, wherever they were written. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Rule r
        && Objects.equals(name, r.name)
        && matching.equals(r.matching)
        && action.equals(r.action);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, matching, action);
  }

  @Override
  public String toString() {
    return "Rule["
        + (name != null ? name : matching.events())
        + (location != null ? " at " + location : "")
        + "]";
  }

  /** Builds a {@link Rule}; each method is named after its YAML key. */
  public static final class Builder {
    private String name;
    private Location location;
    private final Set<Event> events = new LinkedHashSet<>();
    private Integer nth;
    private Integer after;
    private Scope per;
    private final List<CounterKey> keys = new ArrayList<>();
    private final List<ConnectionRange> connections = new ArrayList<>();
    private Integer times;
    private Matching.Regex match;
    private final Map<Matching.HeaderName, Matching.Regex> headers = new LinkedHashMap<>();
    private Matching.Regex body;
    private Long minSize;
    private Double probability;
    private Boolean tls;
    private Boolean authenticated;
    private Rate rate;
    private Long afterBytes;
    private Reply reply;
    private String raw;
    private Fault fault;
    private Delay delay;
    private Duration drip;
    private Then then;

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
      headers.put(new Matching.HeaderName(name), compile(regex));
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
      List<RuleChecks.Problem> errors = errors();
      if (!errors.isEmpty()) {
        throw new IllegalArgumentException(
            String.join("; ", errors.stream().map(RuleChecks.Problem::message).toList()));
      }
      return buildUnchecked();
    }

    /** The combinations SPEC 2.3, 2.4 and 2.6 forbid, each at its YAML key. */
    List<RuleChecks.Problem> errors() {
      return errors(Set.of());
    }

    /** As {@link #errors()}, for a rule whose {@code unread} keys had values that were refused. */
    List<RuleChecks.Problem> errors(Set<String> unread) {
      return RuleChecks.errors(name, matching(), actionKeys(), unread);
    }

    /** Builds without the checks, for the loader, which reports each problem at its own key. */
    Rule buildUnchecked() {
      return new Rule(name, matching(), actionKeys().action(), location);
    }

    private Matching matching() {
      return new Matching(
          events,
          nth,
          after,
          per,
          keys,
          connections,
          times,
          match,
          headers,
          body,
          minSize,
          probability,
          tls,
          authenticated,
          rate,
          afterBytes);
    }

    private ActionKeys actionKeys() {
      return new ActionKeys(reply, raw, fault, delay, drip, then);
    }

    private static Matching.Regex compile(String regex) {
      return new Matching.Regex(
          Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
  }
}
