package dev.smtpmock;

import java.util.List;

/**
 * Counters since start or {@link SmtpMockServer#reset()} (SPEC 4.1).
 *
 * @param accepted messages answered with 2xx at the end of the data
 * @param rejected messages answered with anything else
 * @param incomplete messages cut off by a fault or a close
 * @param evictedMessages messages dropped from the store past its bounds
 * @param evictedSessions sessions dropped from the store past its bounds
 * @param connections connections accepted
 * @param rules how often each rule fired, in rule order
 */
public record SmtpMockStats(
    long accepted,
    long rejected,
    long incomplete,
    long evictedMessages,
    long evictedSessions,
    long connections,
    List<RuleStat> rules) {

  public SmtpMockStats {
    rules = List.copyOf(rules);
  }

  /** A rule (its name, or {@code rule N}) and how often it fired. */
  public record RuleStat(String name, long fired) {}
}
