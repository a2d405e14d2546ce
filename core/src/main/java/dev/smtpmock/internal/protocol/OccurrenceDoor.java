package dev.smtpmock.internal.protocol;

import dev.smtpmock.SmtpSession.RuleRef;
import dev.smtpmock.internal.rules.AfterBytesWatch;
import dev.smtpmock.internal.rules.ConnectionRules;
import dev.smtpmock.internal.rules.Match;
import dev.smtpmock.internal.rules.Occurrence;
import dev.smtpmock.scenario.Action;
import dev.smtpmock.scenario.Reply;
import dev.smtpmock.scenario.Rule;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one door every occurrence of a session goes through: the connect, each command that passed
 * its checks, each after-bytes threshold, the end of the message. The rules are evaluated here,
 * once, and what they decide goes to the {@link ActionExecutor}; no other class asks the rule
 * engine.
 */
final class OccurrenceDoor {
  private static final Supplier<Reply> NO_DEFAULT = () -> null;
  private static final Consumer<Reply> NO_EFFECT = reply -> {};

  private final ServerContext context;
  private final int connectionNumber;
  private final String clientIp;
  private final ActionExecutor executor;
  private ScenarioRuntime runtime;
  private ConnectionRules rules;

  OccurrenceDoor(
      ServerContext context, int connectionNumber, String clientIp, ActionExecutor executor) {
    this.context = context;
    this.connectionNumber = connectionNumber;
    this.clientIp = clientIp;
    this.executor = executor;
    this.runtime = context.runtime();
    this.rules = runtime.engine().connection(connectionNumber, clientIp);
  }

  /**
   * Answers an occurrence with the first rule that fires, or the default. {@code builtIn} is the
   * server's own reply; {@code effect} is what a reply does to the session (SPEC 2.5), called once
   * the reply is handed to the transport, with null after {@code raw}.
   */
  void enter(Occurrence occurrence, Supplier<Reply> builtIn, Consumer<Reply> effect) {
    carry(decide(occurrence), occurrence, builtIn, effect);
  }

  /** The rules' decision for an occurrence, to be carried out later; null when none fired. */
  Decision decide(Occurrence occurrence) {
    return decision(rules.evaluate(occurrence));
  }

  /**
   * An occurrence answered by a decision already taken (one rule answering every recipient of an
   * LMTP message): it is counted, and seen by no rule. A null decision is the default answer.
   */
  void enterDecided(
      Decision decided, Occurrence occurrence, Supplier<Reply> builtIn, Consumer<Reply> effect) {
    rules.countOnly(occurrence);
    carry(decided, occurrence, builtIn, effect);
  }

  /**
   * Implicit TLS, at accept: the connect rules with fault tls-failure; true when one fired, its
   * action then under way. The other connect rules see the occurrence after the handshake.
   */
  boolean enterAtAccept(Occurrence connect) {
    Match match = rules.evaluateAtAccept(connect);
    if (match == null) {
      return false;
    }
    carry(decision(match), connect, NO_DEFAULT, NO_EFFECT);
    return true;
  }

  /**
   * {@code BDAT … LAST}: one bdat occurrence, then one message occurrence. A bdat rule that fires
   * is the only reply, and the message is counted but seen by no rule (SPEC 2.3).
   */
  void enterLastChunk(
      Occurrence chunk, Occurrence message, Supplier<Reply> builtIn, Consumer<Reply> effect) {
    carry(decideLastChunk(chunk, message), message, builtIn, effect);
  }

  /** The decision for {@code BDAT … LAST}, as {@link #enterLastChunk} takes it. */
  Decision decideLastChunk(Occurrence chunk, Occurrence message) {
    Match match = rules.evaluate(chunk);
    if (match != null) {
      rules.countOnly(message);
    } else {
      match = rules.evaluate(message);
    }
    return decision(match);
  }

  /** Starts watching a message's data for after-bytes rules; null when the scenario has none. */
  AfterBytesWatch watch(Occurrence message) {
    return rules.watchMessage(message);
  }

  /** The next after-bytes threshold the data has not reached, or -1 (none, or no watch). */
  long nextThreshold(AfterBytesWatch watch) {
    return watch == null ? -1 : watch.nextThreshold();
  }

  /**
   * So many bytes of the data have arrived: true when an after-bytes rule struck, after {@code
   * struck} ran and the rule's action was carried out. The message can only end incomplete then.
   */
  boolean bytesArrived(AfterBytesWatch watch, long totalWireBytes, Runnable struck) {
    Match match = watch == null ? null : watch.onBytes(totalWireBytes);
    if (match == null) {
      return false;
    }
    struck.run();
    carry(decision(match), watch.occurrence(), NO_DEFAULT, NO_EFFECT);
    return true;
  }

  /** The data ended: after-bytes rules whose threshold was not reached count it, unfired. */
  void dataEnded(AfterBytesWatch watch) {
    if (watch != null) {
      watch.onEnd();
    }
  }

  /** The transaction ended: {@code per: transaction} counters start again. */
  void transactionEnded() {
    rules.transactionEnded();
  }

  /** A swapped scenario takes effect at the next command, with fresh counters (SPEC 4.1). */
  void followSwap() {
    ScenarioRuntime current = context.runtime();
    if (current != runtime) {
      runtime = current;
      rules = current.engine().connection(connectionNumber, clientIp);
    }
  }

  ScenarioRuntime runtime() {
    return runtime;
  }

  private Decision decision(Match match) {
    if (match == null) {
      return null;
    }
    Action action = match.rule().action();
    long delay = action.delay() == null ? 0 : rules.delayFor(match).toNanos();
    return new Decision(ref(match), action, delay);
  }

  /** Hands a decision to the executor; null is the default answer. */
  void carry(
      Decision decision, Occurrence occurrence, Supplier<Reply> builtIn, Consumer<Reply> effect) {
    if (decision == null) {
      executor.answer(occurrence, builtIn, effect);
    } else {
      executor.execute(
          occurrence, decision.rule(), decision.action(), decision.delayNanos(), builtIn, effect);
    }
  }

  private static RuleRef ref(Match match) {
    Rule rule = match.rule();
    String name = rule.name() != null ? rule.name() : "rule " + (match.index() + 1);
    Rule.Location at = rule.location();
    return at == null
        ? new RuleRef(name, null, 0, 0)
        : new RuleRef(name, at.source(), at.line(), at.column());
  }
}
