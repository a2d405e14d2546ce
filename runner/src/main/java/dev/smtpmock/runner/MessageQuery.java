package dev.smtpmock.runner;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.ReceivedMessage.Status;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query of {@code GET /api/messages}: which messages ({@code status}, {@code from}, {@code to},
 * {@code subject}), which page ({@code limit}, {@code offset}) and how long to wait for {@code
 * count} of them ({@code wait}).
 *
 * @param status null for {@code all}
 * @param waitFor how long to wait ({@code wait}); zero for no long poll
 */
record MessageQuery(
    Status status, String from, String to, String subject, Page page, Duration waitFor, int count) {
  /** The query parameters {@code GET /api/messages} takes. */
  static final List<String> PARAMETERS =
      List.of("status", "from", "to", "subject", "limit", "offset", "wait", "count");

  /** Long polls are bounded, so a forgotten client cannot hold a slot forever. */
  static final Duration MAX_WAIT = Duration.ofMinutes(5);

  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)?");

  static MessageQuery parse(Map<String, String> parameters) {
    Duration wait = wait(parameters.get("wait"));
    Integer count = Http.number(parameters, "count", 0);
    return new MessageQuery(
        status(parameters.getOrDefault("status", "accepted")),
        lower(parameters.get("from")),
        lower(parameters.get("to")),
        lower(parameters.get("subject")),
        Page.of(parameters),
        wait,
        count != null ? count : wait.isZero() ? 0 : 1);
  }

  /** The messages that match, oldest first, before paging. */
  List<ReceivedMessage> matching(List<ReceivedMessage> messages) {
    return messages.stream().filter(this::matches).toList();
  }

  /** True when a long poll may answer: enough messages match. */
  boolean satisfied(List<ReceivedMessage> messages) {
    return count <= 0 || messages.stream().filter(this::matches).limit(count).count() >= count;
  }

  private boolean matches(ReceivedMessage m) {
    return (status == null || m.status() == status)
        && contains(m.sender(), from)
        && (to == null || m.recipientAddresses().stream().anyMatch(r -> contains(r, to)))
        && contains(m.subject(), subject);
  }

  /** Case-insensitive substring; an absent filter matches everything, an absent value nothing. */
  private static boolean contains(String value, String wanted) {
    return wanted == null || value != null && value.toLowerCase(Locale.ROOT).contains(wanted);
  }

  private static Status status(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    if (v.equals("all")) {
      return null;
    }
    for (Status s : Status.values()) {
      if (s.name().toLowerCase(Locale.ROOT).equals(v)) {
        return s;
      }
    }
    throw new HttpError(
        400, "status must be accepted, rejected, incomplete or all, not '" + value + "'");
  }

  private static Duration wait(String value) {
    if (value == null || value.isEmpty()) {
      return Duration.ZERO;
    }
    Matcher m = DURATION.matcher(value);
    if (!m.matches()) {
      throw new HttpError(
          400, "wait must be a duration such as 5s, 500ms or 2m, not '" + value + "'");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    Duration wait =
        switch (unit) {
          case "ms" -> Duration.ofMillis(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofSeconds(n);
        };
    return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
  }

  private static String lower(String s) {
    return s == null || s.isEmpty() ? null : s.toLowerCase(Locale.ROOT);
  }
}
