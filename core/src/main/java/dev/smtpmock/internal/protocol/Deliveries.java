package dev.smtpmock.internal.protocol;

import dev.smtpmock.ReceivedMessage.Recipient;
import dev.smtpmock.ReceivedMessage.Status;
import dev.smtpmock.internal.rules.Occurrence;
import dev.smtpmock.scenario.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * LMTP's end of the data (RFC 2033 section 4.2, SPEC 8): one reply per accepted recipient, in RCPT
 * order. A message (or BDAT LAST) rule that fires answers every recipient with the same reply;
 * otherwise each recipient's delivery occurrence goes through the door, where a delivery rule or
 * the default answers it. A recipient's turn comes once the reply before it is written, so delays
 * and faults strike in order.
 */
final class Deliveries {
  private final CommandContext session;
  private final PendingMessage message;
  private final List<Recipient> recipients;
  private final Recipient[] outcomes;
  private Decision forAll;
  private int turn;
  private boolean answering;
  private boolean answered;

  Deliveries(CommandContext session, PendingMessage message) {
    this.session = session;
    this.message = message;
    this.recipients = session.state().transaction().recipients;
    this.outcomes = new Recipient[recipients.size()];
  }

  /** Decides on the message occurrence ({@code lastChunk}: BDAT LAST's, or null), then answers. */
  void start(Occurrence message, Occurrence lastChunk) {
    OccurrenceDoor door = session.door();
    forAll = lastChunk == null ? door.decide(message) : door.decideLastChunk(lastChunk, message);
    answerFromTurn();
  }

  /**
   * Answers one recipient after another while each reply is written at once. A reply that comes
   * later (a delay, a drip) takes the loop up again once its action is done; a fault, a close or a
   * hang ends it, and the message is kept when the connection closes.
   */
  private void answerFromTurn() {
    answering = true;
    while (turn < outcomes.length) {
      if (session.ended()) {
        answering = false;
        return;
      }
      answered = false;
      answer(turn);
      if (!answered) {
        answering = false;
        return;
      }
    }
    answering = false;
    session.messages().delivered(message, List.of(outcomes));
  }

  private void answer(int index) {
    Occurrence delivery = session.state().delivery(index);
    String address = recipients.get(index).address();
    Supplier<Reply> builtIn =
        () -> message.truncated() ? Replies.DATA_TOO_BIG : Replies.saved(address, message.id());
    OccurrenceDoor door = session.door();
    if (forAll != null) {
      door.enterDecided(
          forAll.forRecipient(index, outcomes.length),
          delivery,
          builtIn,
          reply -> answered(index, reply));
    } else {
      door.enter(delivery, builtIn, reply -> answered(index, reply));
    }
  }

  /** Only a 2xx from the default or a reply accepts a recipient; raw never does (SPEC 2.5). */
  private void answered(int index, Reply reply) {
    Status status = reply != null && reply.isPositive() ? Status.ACCEPTED : Status.REJECTED;
    outcomes[index] = recipients.get(index).ended(session.lastWritten(), status);
    turn = index + 1;
    answered = true;
    if (!answering) {
      session.later(this::answerFromTurn);
    }
  }

  /** The recipients as answered so far, the others incomplete: the connection ended first. */
  List<Recipient> soFar() {
    List<Recipient> result = new ArrayList<>(outcomes.length);
    for (int i = 0; i < outcomes.length; i++) {
      result.add(
          outcomes[i] != null ? outcomes[i] : recipients.get(i).ended(null, Status.INCOMPLETE));
    }
    return result;
  }
}
