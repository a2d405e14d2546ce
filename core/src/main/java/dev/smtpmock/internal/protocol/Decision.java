package dev.smtpmock.internal.protocol;

import dev.smtpmock.SmtpSession.RuleRef;
import dev.smtpmock.scenario.Action;

/**
 * What the rules decided for an occurrence: the rule that fired, its action and its drawn delay.
 *
 * @param delayNanos the delay drawn for this firing (a range is drawn once), 0 for none
 */
record Decision(RuleRef rule, Action action, long delayNanos) {
  /**
   * The part of this decision that falls to recipient {@code index} of {@code count}, when one rule
   * answers every recipient of an LMTP message (SPEC 8): its delay comes before the first reply,
   * its {@code then} after the last, and each recipient gets the same reply.
   */
  Decision forRecipient(int index, int count) {
    boolean first = index == 0;
    boolean last = index == count - 1;
    if (first && last) {
      return this;
    }
    Action part = action;
    if (action instanceof Action.Answer a) {
      part =
          new Action.Answer(a.reply(), first ? a.delay() : null, a.drip(), last ? a.then() : null);
    } else if (action instanceof Action.Raw r) {
      part = new Action.Raw(r.bytes(), first ? r.delay() : null, r.drip(), last ? r.then() : null);
    }
    return new Decision(rule, part, first ? delayNanos : 0);
  }
}
