package dev.smtpmock.scenario;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value syntaxes of SPEC 2.8 and 2.4 — durations, delay ranges, sizes, rates, connection
 * ranges, enum names — both ways, so that the loader and {@link ScenarioYamlWriter} agree.
 */
final class ScenarioValues {
  static final String DURATION_HELP = "write a number and a unit, ms, s, m or h (e.g. 30s)";
  private static final Pattern DURATION = Pattern.compile("([0-9]+)(ms|s|m|h)");
  private static final Pattern SIZE = Pattern.compile("([0-9]+)(B|KB|MB|GB)?");
  private static final Pattern RATE = Pattern.compile("([0-9]+)/(.*)");
  private static final Pattern CONNECTIONS = Pattern.compile("([0-9]+)(?:-([0-9]+))?");

  private ScenarioValues() {}

  /**
   * {@code 30s}.
   *
   * @throws IllegalArgumentException saying what a duration looks like
   */
  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration: " + DURATION_HELP);
    }
    try {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("duration '" + text + "' is too long");
    }
  }

  /** The duration in the largest unit that renders it exactly; milliseconds at least. */
  static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms != 0 && ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms != 0 && ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms != 0 && ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }

  /** {@code 2s} or the range {@code 1s..3s}. */
  static Rule.Delay delay(String text) {
    int dots = text.indexOf("..");
    if (dots < 0) {
      Duration d = duration(text);
      return new Rule.Delay(d, d);
    }
    return new Rule.Delay(duration(text.substring(0, dots)), duration(text.substring(dots + 2)));
  }

  static String delay(Rule.Delay delay) {
    return delay.min().equals(delay.max())
        ? duration(delay.min())
        : duration(delay.min()) + ".." + duration(delay.max());
  }

  /** {@code 10MB}, in bytes; 1 KB = 1024 B. */
  static long size(String text) {
    Matcher m = SIZE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a size: write a number of bytes, optionally followed by B, KB, MB or GB"
              + " (e.g. 10MB)");
    }
    int shift =
        m.group(2) == null
            ? 0
            : switch (m.group(2)) {
              case "KB" -> 10;
              case "MB" -> 20;
              case "GB" -> 30;
              default -> 0;
            };
    try {
      long n = Long.parseLong(m.group(1));
      if (n > Long.MAX_VALUE >> shift) {
        throw new NumberFormatException();
      }
      return n << shift;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("size '" + text + "' is too large");
    }
  }

  /** {@code 10/1m}: more than 10 occurrences in a minute. */
  static Rule.Rate rate(String text) {
    Matcher m = RATE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a rate: write N/DURATION, e.g. 10/1m for 10 in a minute");
    }
    try {
      return new Rule.Rate(Integer.parseInt(m.group(1)), duration(m.group(2)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("rate '" + text + "' is too large");
    }
  }

  static String rate(Rule.Rate rate) {
    return rate.count() + "/" + duration(rate.window());
  }

  /** {@code "2-5"}, or a single number as text. */
  static Rule.ConnectionRange connections(String text) {
    Matcher m = CONNECTIONS.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a connection number or range: write e.g. 3 or \"2-5\"");
    }
    try {
      int from = Integer.parseInt(m.group(1));
      return new Rule.ConnectionRange(
          from, m.group(2) == null ? from : Integer.parseInt(m.group(2)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("connection '" + text + "' is too large");
    }
  }

  /** The YAML spelling of an enum constant: {@code TLS_FAILURE} is {@code tls-failure}. */
  static String yamlName(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Every constant of {@code type} by its YAML spelling, in declaration order. */
  static <E extends Enum<E>> Map<String, E> yamlNames(Class<E> type) {
    Map<String, E> names = new LinkedHashMap<>();
    for (E constant : type.getEnumConstants()) {
      names.put(yamlName(constant), constant);
    }
    return names;
  }
}
