package dev.smtpmock.scenario;

import java.time.Duration;

/**
 * The action keys of a rule as they were given (SPEC 2.6), before they become one {@link Action}:
 * the checks see every key, so that the loader reports {@code reply} with {@code fault} at both.
 */
record ActionKeys(
    Reply reply, String raw, Fault fault, Rule.Delay delay, Duration drip, Then then) {

  /**
   * The action these keys give. Where they conflict (a rule the checks reject, built unchecked by
   * the loader to be reported) a fault wins over raw, and raw over a reply.
   */
  Action action() {
    if (fault != null) {
      return new Action.Strike(fault, delay);
    }
    if (raw != null) {
      return new Action.Raw(raw, delay, drip, then);
    }
    return new Action.Answer(reply, delay, drip, then);
  }
}
