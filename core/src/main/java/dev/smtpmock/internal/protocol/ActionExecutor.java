package dev.smtpmock.internal.protocol;

import dev.smtpmock.SmtpSession.RuleRef;
import dev.smtpmock.internal.rules.Occurrence;
import dev.smtpmock.internal.store.Transcript;
import dev.smtpmock.scenario.Action;
import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Fault;
import dev.smtpmock.scenario.Reply;
import dev.smtpmock.scenario.Then;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Carries out what was decided for an occurrence (SPEC 2.6): the default answer, or a rule's reply,
 * raw bytes or fault, with its delay, drip and then. Waits are scheduled, never slept; while a
 * reply is owed the connection processes no more input.
 */
final class ActionExecutor {
  /** The connection, as the executor drives it. */
  interface Connection {
    /** A reply is owed: input waits and the idle timer stops until the next settle. */
    void owe();

    /**
     * Runs {@code task} holding the connection's lock, from any thread, unless the connection has
     * closed; then goes on with the input unless the task owes a reply again.
     */
    void settle(Runnable task);

    void end(Ending ending);

    boolean isClosed();
  }

  private final Connection connection;
  private final ReplyWriter writer;
  private final Transcript transcript;
  private final ScheduledExecutorService scheduler;
  private final Answerer answerer;
  private final Placeholders.Values values;

  ActionExecutor(
      Connection connection,
      ReplyWriter writer,
      Transcript transcript,
      ScheduledExecutorService scheduler,
      Answerer answerer,
      Placeholders.Values values) {
    this.connection = connection;
    this.writer = writer;
    this.transcript = transcript;
    this.scheduler = scheduler;
    this.answerer = answerer;
    this.values = values;
  }

  /** No rule fired: the default answer; {@code effect} gets the reply once it is written. */
  void answer(Occurrence occurrence, Supplier<Reply> builtIn, Consumer<Reply> effect) {
    byDefault(
        occurrence,
        builtIn,
        reply -> {
          writer.builtIn(reply, null);
          effect.accept(reply);
          closeAfter421(reply);
        });
  }

  /**
   * A rule fired: its action, after its delay. {@code effect} gets the reply once it is written
   * (null after {@code raw}); a fault skips it.
   */
  void execute(
      Occurrence occurrence,
      RuleRef rule,
      Action action,
      long delayNanos,
      Supplier<Reply> builtIn,
      Consumer<Reply> effect) {
    if (delayNanos <= 0) {
      perform(occurrence, rule, action, builtIn, effect);
      return;
    }
    connection.owe();
    scheduler.schedule(
        () -> connection.settle(() -> perform(occurrence, rule, action, builtIn, effect)),
        delayNanos,
        TimeUnit.NANOSECONDS);
  }

  private void perform(
      Occurrence occurrence,
      RuleRef rule,
      Action action,
      Supplier<Reply> builtIn,
      Consumer<Reply> effect) {
    if (action instanceof Action.Strike strike) {
      strike(strike.fault(), rule, occurrence.event());
    } else if (action instanceof Action.Raw raw) {
      byte[] bytes = fill(raw.bytes(), occurrence).getBytes(StandardCharsets.ISO_8859_1);
      send(bytes, rule, raw.drip(), () -> after(null, raw.then(), effect));
    } else {
      Action.Answer answer = (Action.Answer) action;
      if (answer.reply() != null) {
        Reply reply = answer.reply().withText(text -> fill(text, occurrence));
        byte[] bytes = reply.render().getBytes(StandardCharsets.UTF_8);
        send(bytes, rule, answer.drip(), () -> after(reply, answer.then(), effect));
      } else {
        byDefault(
            occurrence,
            builtIn,
            reply ->
                send(
                    writer.render(reply),
                    rule,
                    answer.drip(),
                    () -> after(reply, answer.then(), effect)));
      }
    }
  }

  /** Asks the answerer; an answer that comes later is settled under the connection's lock. */
  private void byDefault(Occurrence occurrence, Supplier<Reply> builtIn, Consumer<Reply> written) {
    if (answerer == Answerer.BUILT_IN) {
      written.accept(builtIn.get());
      return;
    }
    PendingAnswer pending = new PendingAnswer(connection, written);
    answerer.answer(occurrence, builtIn, pending);
    pending.returned();
  }

  private void send(byte[] bytes, RuleRef rule, Duration drip, Runnable after) {
    if (drip == null) {
      writer.write(bytes, rule);
      after.run();
      return;
    }
    writer.record(bytes, rule);
    dripFrom(bytes, 0, drip.toNanos(), after);
  }

  private void dripFrom(byte[] bytes, int index, long pauseNanos, Runnable after) {
    writer.writeByte(bytes[index]);
    if (index + 1 == bytes.length) {
      after.run();
      return;
    }
    connection.owe();
    scheduler.schedule(
        () -> connection.settle(() -> dripFrom(bytes, index + 1, pauseNanos, after)),
        pauseNanos,
        TimeUnit.NANOSECONDS);
  }

  private void after(Reply reply, Then then, Consumer<Reply> effect) {
    effect.accept(reply);
    if (then == null) {
      closeAfter421(reply);
    } else {
      connection.end(Ending.of(then));
    }
  }

  /** A 421 closes the connection after it is written (RFC 5321 3.8), unless a then says more. */
  private void closeAfter421(Reply reply) {
    if (reply != null && reply.code() == 421 && !connection.isClosed()) {
      connection.end(Ending.CLOSE);
    }
  }

  private void strike(Fault fault, RuleRef rule, Event event) {
    // on STARTTLS the handshake is announced first; at an implicit-TLS connect nothing is written
    if (fault == Fault.TLS_FAILURE && event == Event.STARTTLS) {
      writer.builtIn(Replies.READY_FOR_TLS, rule);
    }
    String name = fault.name().toLowerCase(Locale.ROOT).replace('_', '-');
    transcript.server("(fault: " + name + ")", rule);
    connection.end(Ending.of(fault));
  }

  private String fill(String text, Occurrence occurrence) {
    return Placeholders.fill(text, name -> values.value(name, occurrence));
  }
}
