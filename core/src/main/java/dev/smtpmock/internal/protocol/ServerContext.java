package dev.smtpmock.internal.protocol;

import dev.smtpmock.internal.store.MessageStore;
import dev.smtpmock.internal.store.SessionStore;
import dev.smtpmock.internal.store.Transcript;
import dev.smtpmock.scenario.Scenario;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What every connection of one server shares: the scenario in force, the stores, the ids. */
public final class ServerContext {
  private final ScheduledExecutorService scheduler;
  private final long seed;
  private final MessageStore messages;
  private final SessionStore sessions;
  private final MessageIds messageIds;
  private final AtomicLong sessionIds = new AtomicLong();
  private final AtomicInteger connectionNumbers = new AtomicInteger();
  private final AtomicLong connections = new AtomicLong();
  // Connections admitted and not yet closed, which max-connections bounds.
  private final AtomicInteger admitted = new AtomicInteger();
  private final Set<SmtpConnection> open = ConcurrentHashMap.newKeySet();
  private final Transcript.Listener listener;
  private final Answerer answerer;
  private volatile ScenarioRuntime runtime;

  public ServerContext(
      Scenario scenario,
      long seed,
      ScheduledExecutorService scheduler,
      Transcript.Listener listener) {
    this(scenario, seed, scheduler, listener, Answerer.BUILT_IN);
  }

  /** With {@code answerer} giving the default answers in place of the built-in ones. */
  public ServerContext(
      Scenario scenario,
      long seed,
      ScheduledExecutorService scheduler,
      Transcript.Listener listener,
      Answerer answerer) {
    this.answerer = answerer;
    this.scheduler = scheduler;
    this.seed = seed;
    this.listener = listener;
    this.runtime = new ScenarioRuntime(scenario, seed);
    var store = scenario.server().store();
    this.messages = new MessageStore(store.maxMessages(), store.maxBytes());
    this.sessions = new SessionStore(store.maxSessions());
    this.messageIds = new MessageIds(seed);
  }

  public ScenarioRuntime runtime() {
    return runtime;
  }

  /** Puts a scenario in force; sessions pick it up at their next command, with fresh counters. */
  public void swap(Scenario scenario) {
    runtime = new ScenarioRuntime(scenario, seed);
    var store = scenario.server().store();
    messages.bounds(store.maxMessages(), store.maxBytes());
    sessions.bound(store.maxSessions());
  }

  /**
   * Clears messages, sessions and counters and restarts connection numbering. A session still open
   * keeps its number and stays listed, its transcript from now on (SPEC 4.1); the lock keeps a
   * connection being accepted meanwhile either before the reset or after it, never lost between.
   */
  public synchronized void reset() {
    runtime = new ScenarioRuntime(runtime.scenario(), seed);
    messages.clear();
    List<Transcript> kept =
        open.stream()
            .map(SmtpConnection::transcript)
            .filter(transcript -> !transcript.ended())
            .sorted(Comparator.comparingLong(Transcript::startedAt))
            .toList();
    kept.forEach(Transcript::dropLines);
    sessions.replaceWith(kept);
    connectionNumbers.set(0);
    connections.set(0);
  }

  public long seed() {
    return seed;
  }

  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  Answerer answerer() {
    return answerer;
  }

  public MessageStore messages() {
    return messages;
  }

  public SessionStore sessions() {
    return sessions;
  }

  public long connectionCount() {
    return connections.get();
  }

  String nextMessageId() {
    return messageIds.next();
  }

  /** Registers a new connection and gives it its transcript. */
  synchronized Transcript open(SmtpConnection connection, String clientAddress) {
    int number = connectionNumbers.incrementAndGet();
    connections.incrementAndGet();
    String id = sessionId(sessionIds.incrementAndGet());
    Transcript transcript = new Transcript(id, number, clientAddress, listener);
    sessions.add(transcript);
    open.add(connection);
    return transcript;
  }

  /** {@code S000001}: six digits at least, without String.format on every connection. */
  private static String sessionId(long number) {
    String digits = Long.toString(number);
    return digits.length() >= 6 ? "S" + digits : "S" + "000000".substring(digits.length()) + digits;
  }

  /**
   * Takes a place for a new connection under the scenario's {@code max-connections}; false when
   * every place is taken (SPEC 12). A connection admitted is released by {@link #closed}.
   */
  public boolean admit() {
    int max = runtime.settings().maxConnections();
    while (true) {
      int now = admitted.get();
      if (now >= max) {
        return false;
      }
      if (admitted.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  void closed(SmtpConnection connection) {
    admitted.decrementAndGet();
    open.remove(connection);
  }

  /** The open connections, e.g. to mark them stopped at shutdown. */
  public Set<SmtpConnection> openConnections() {
    return Set.copyOf(open);
  }
}
