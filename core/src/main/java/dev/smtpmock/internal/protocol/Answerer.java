package dev.smtpmock.internal.protocol;

import dev.smtpmock.internal.rules.Occurrence;
import dev.smtpmock.scenario.Reply;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Gives the default answer to an occurrence that no rule answered, or that a rule left to the
 * default (a {@code delay}, {@code drip} or {@code then} alone). The built-in one answers with
 * Postfix's replies at once; others (an upstream server's reply, per-recipient replies) may answer
 * later, from any thread. Meanwhile the session processes nothing more and its idle timer is
 * paused.
 */
public interface Answerer {
  /** Answers at once with the server's own reply (SPEC 3). */
  Answerer BUILT_IN = (occurrence, builtIn, answer) -> answer.accept(builtIn.get());

  /**
   * Answers {@code occurrence} by calling {@code answer} exactly once, now or later, never while
   * holding a lock of its own that a session could wait for.
   *
   * @param builtIn the server's own reply to this occurrence, policy included
   */
  void answer(Occurrence occurrence, Supplier<Reply> builtIn, Consumer<Reply> answer);
}
