package dev.smtpmock.internal.protocol;

import dev.smtpmock.scenario.Reply;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An answer asked of an {@link Answerer} that may come during the call or after it, from any
 * thread. During the call it is written at once; after it, the session owes the reply meanwhile and
 * the answer is settled under the session's lock.
 */
final class PendingAnswer implements Consumer<Reply> {
  private static final int ASKING = 0;
  private static final int WAITING = 1;
  private static final int ANSWERED = 2;

  private final ActionExecutor.Connection connection;
  private final Consumer<Reply> written;
  private final AtomicInteger state = new AtomicInteger(ASKING);
  private volatile Reply reply;

  PendingAnswer(ActionExecutor.Connection connection, Consumer<Reply> written) {
    this.connection = connection;
    this.written = written;
  }

  @Override
  public void accept(Reply answer) {
    reply = answer;
    if (state.compareAndSet(ASKING, ANSWERED)) {
      return; // returned() writes it, on the asking thread
    }
    if (state.compareAndSet(WAITING, ANSWERED)) {
      connection.settle(() -> written.accept(answer));
      return;
    }
    throw new IllegalStateException("answered twice");
  }

  /** The answerer's call returned, holding the session's lock. */
  void returned() {
    if (state.compareAndSet(ASKING, WAITING)) {
      connection.owe();
    } else {
      written.accept(reply);
    }
  }
}
