package dev.smtpmock.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys one block of the {@code server} settings was given (SPEC 2.1), in YAML spelling and in
 * the block's key order. A key not given is absent, so that {@code extends} can merge blocks key by
 * key (SPEC 2.9) and equality compares what was written; the blocks answer the defaults.
 */
final class Given {
  private final List<String> keys;
  private final Map<String, Object> values;

  private Given(List<String> keys, Map<String, Object> values) {
    this.keys = keys;
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (String key : keys) {
      Object value = values.get(key);
      if (value != null) {
        ordered.put(key, value);
      }
    }
    this.values = Collections.unmodifiableMap(ordered);
  }

  static Given none(List<String> keys) {
    return new Given(keys, Map.of());
  }

  /** The value given for {@code key}, or {@code fallback}. */
  @SuppressWarnings("unchecked")
  <T> T get(String key, T fallback) {
    Object value = values.get(known(keys, key));
    return value != null ? (T) value : fallback;
  }

  /** The nested block given for {@code key}, or one with nothing given. */
  Given block(String key, List<String> blockKeys) {
    return get(key, none(blockKeys));
  }

  /** The keys given, with their values; a nested block as the map of its own. */
  Map<String, Object> values() {
    Map<String, Object> result = new LinkedHashMap<>();
    values.forEach((key, value) -> result.put(key, value instanceof Given g ? g.values() : value));
    return result;
  }

  /** This block over {@code base}: keys given here win, maps merge, lists are replaced. */
  Given mergedOver(Given base) {
    Map<String, Object> merged = new HashMap<>();
    for (String key : keys) {
      merged.put(key, merged(values.get(key), base.values.get(key)));
    }
    return new Given(keys, merged);
  }

  private static Object merged(Object over, Object base) {
    if (over == null || base == null) {
      return over != null ? over : base;
    }
    if (over instanceof Given block) {
      return block.mergedOver((Given) base);
    }
    if (over instanceof Map<?, ?> map) {
      Map<Object, Object> both = new LinkedHashMap<>((Map<?, ?>) base);
      both.putAll(map);
      return Collections.unmodifiableMap(both);
    }
    return over;
  }

  /** {@code key}, which must be one of {@code keys}: a misspelt key is a bug, not a default. */
  private static String known(List<String> keys, String key) {
    if (!keys.contains(key)) {
      throw new IllegalArgumentException("no key " + key + " in " + keys);
    }
    return key;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Given g && values.equals(g.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }

  /** A block's keys as its builder collects them. */
  static final class Draft {
    private final List<String> keys;
    private final Map<String, Object> values = new HashMap<>();

    Draft(List<String> keys) {
      this.keys = keys;
    }

    void set(String key, Object value) {
      values.put(known(keys, key), value);
    }

    /** Adds to the list under {@code key}; the first item replaces the default list. */
    void add(String key, Object item) {
      list(key).add(item);
    }

    /** Gives {@code key} an empty list, replacing the default one. */
    void clear(String key) {
      set(key, new ArrayList<>());
    }

    /** Puts {@code name: value} into the map under {@code key}. */
    void put(String key, String name, Object value) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map =
          (Map<String, Object>)
              values.computeIfAbsent(known(keys, key), k -> new LinkedHashMap<>());
      map.put(name, value);
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(String key) {
      return (List<Object>) values.computeIfAbsent(known(keys, key), k -> new ArrayList<>());
    }

    /** The keys given so far; the builder may go on without changing them. */
    Given build() {
      Map<String, Object> copy = new HashMap<>();
      values.forEach(
          (key, value) ->
              copy.put(
                  key,
                  value instanceof List<?> list
                      ? List.copyOf(list)
                      : value instanceof Map<?, ?> map
                          ? Collections.unmodifiableMap(new LinkedHashMap<>(map))
                          : value));
      return new Given(keys, copy);
    }
  }
}
