package dev.smtpmock;

import dev.smtpmock.SmtpSession.Line;
import dev.smtpmock.internal.protocol.ServerContext;
import dev.smtpmock.internal.rules.RuleFired;
import dev.smtpmock.internal.store.Transcript;
import dev.smtpmock.internal.tls.TlsMaterial;
import dev.smtpmock.internal.transport.SmtpListener;
import dev.smtpmock.scenario.Scenario;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * A running fault-injecting SMTP server (SPEC 4). Thread-safe. Close it to release the port.
 *
 * <pre>{@code
 * try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("greylisting"))) {
 *   int port = smtp.port();
 *   List<ReceivedMessage> accepted = smtp.awaitMessages(1, Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class SmtpMockServer implements AutoCloseable {
  private final ServerContext context;
  private final SmtpListener listener;
  private final String host;
  private final int port;

  private SmtpMockServer(Builder builder) {
    Scenario scenario = builder.scenario;
    Long configuredSeed = builder.seed != null ? builder.seed : scenario.server().seed();
    long seed = configuredSeed != null ? configuredSeed : new SecureRandom().nextLong();
    this.context =
        new ServerContext(
            scenario,
            seed,
            SmtpListener.scheduler(),
            listener(builder.lineListener, builder.endListener));
    this.listener =
        SmtpListener.bind(
            context,
            builder.bindAddress,
            builder.port,
            builder.backlog,
            scenario.server().tls().implicit());
    this.host = builder.bindAddress;
    this.port = listener.address().getPort();
  }

  /** Starts a server with this scenario on 127.0.0.1 and a free port. */
  public static SmtpMockServer start(Scenario scenario) {
    return builder().scenario(scenario).start();
  }

  /** Starts a plain sink on 127.0.0.1 and a free port. */
  public static SmtpMockServer start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The port actually bound; still known after {@link #close()}. */
  public int port() {
    return port;
  }

  /** The address bound, e.g. {@code 127.0.0.1}. */
  public String host() {
    return host;
  }

  /** The accepted messages, in order. */
  public List<ReceivedMessage> messages() {
    return context.messages().accepted();
  }

  /** Every message, rejected and incomplete ones too, in order. */
  public List<ReceivedMessage> allMessages() {
    return context.messages().all();
  }

  /**
   * Waits for the first {@code count} accepted messages.
   *
   * @throws SmtpMockTimeoutException listing what arrived and the transcripts so far
   */
  public List<ReceivedMessage> awaitMessages(int count, Duration timeout) {
    try {
      List<ReceivedMessage> messages = context.messages().awaitAccepted(count, timeout);
      if (messages != null) {
        return messages;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SmtpMockTimeoutException("interrupted while waiting for " + count + " messages");
    }
    throw new SmtpMockTimeoutException(timeoutReport(count, timeout));
  }

  private String timeoutReport(int count, Duration timeout) {
    List<ReceivedMessage> all = allMessages();
    List<SmtpSession> sessions = sessions();
    return "expected "
        + count
        + " accepted message(s) within "
        + timeout
        + " but "
        + messages().size()
        + " arrived"
        + (all.isEmpty()
            ? ""
            : all.stream().map(m -> "  " + m).collect(Collectors.joining("\n", ":\n", "")))
        + "\n"
        + (sessions.isEmpty()
            ? "no SMTP session was opened"
            : sessions.stream().map(SmtpSession::toString).collect(Collectors.joining("\n\n")));
  }

  /** Snapshots of the sessions, oldest first, with their transcripts. */
  public List<SmtpSession> sessions() {
    return context.sessions().snapshots();
  }

  public SmtpMockStats stats() {
    List<SmtpMockStats.RuleStat> rules =
        context.runtime().engine().fired().stream()
            .map((RuleFired r) -> new SmtpMockStats.RuleStat(r.label(), r.fired()))
            .toList();
    return new SmtpMockStats(
        context.messages().acceptedCount(),
        context.messages().rejectedCount(),
        context.messages().incompleteCount(),
        context.messages().evictedCount(),
        context.sessions().evictedCount(),
        context.connectionCount(),
        rules);
  }

  /**
   * Clears messages, sessions, evictions, counters, {@code times} and rate windows, and restarts
   * connection numbering; open connections stay open and keep their number.
   */
  public void reset() {
    context.reset();
  }

  /** The scenario in force. */
  public Scenario scenario() {
    return context.runtime().scenario();
  }

  /**
   * Puts another scenario in force at the next command of every session, with fresh counters; its
   * {@code server} settings apply to connections accepted after the swap.
   *
   * @throws IllegalArgumentException when it would change {@code tls.implicit}
   */
  public void scenario(Scenario scenario) {
    Objects.requireNonNull(scenario, "scenario");
    boolean implicit = scenario().server().tls().implicit();
    if (scenario.server().tls().implicit() != implicit) {
      throw new IllegalArgumentException(
          "a scenario swap cannot change tls.implicit (the listener is "
              + (implicit ? "TLS" : "plaintext")
              + " from connect): start another server instead");
    }
    context.swap(scenario);
  }

  /** The seed of {@code probability} and delay ranges, given or chosen at start. */
  public long seed() {
    return context.seed();
  }

  /** A trust store holding only the test CA that signs the built-in certificates. */
  public KeyStore trustStore() {
    return TlsMaterial.trustStore();
  }

  /** The test CA's certificate, PEM-encoded. Its key is public: trust it in tests only. */
  public String caCertificatePem() {
    return TlsMaterial.caCertificatePem();
  }

  /** The most reply bytes ever queued for one client: flow control's high-water mark. */
  long highWaterWriteBytes() {
    return context.sessions().highWaterWriteBytes();
  }

  /** Stops listening and closes every connection; the port is free when this returns. */
  @Override
  public void close() {
    listener.close();
  }

  @Override
  public String toString() {
    return "SmtpMockServer[" + host + ":" + port() + ", scenario " + scenario().name() + "]";
  }

  private static Transcript.Listener listener(
      BiConsumer<String, Line> lines, BiConsumer<String, SmtpSession.End> ends) {
    return new Transcript.Listener() {
      @Override
      public void line(String session, Line line) {
        lines.accept(session, line);
      }

      @Override
      public void ended(String session, SmtpSession.End end) {
        ends.accept(session, end);
      }
    };
  }

  /** Configures and starts a {@link SmtpMockServer}. */
  public static final class Builder {
    private Scenario scenario;
    private String bindAddress = "127.0.0.1";
    private int port;
    private int backlog = 1024;
    private Long seed;
    private BiConsumer<String, Line> lineListener = (session, line) -> {};
    private BiConsumer<String, SmtpSession.End> endListener = (session, end) -> {};

    private Builder() {}

    public Builder scenario(Scenario scenario) {
      this.scenario = scenario;
      return this;
    }

    /** The address to listen on; {@code 127.0.0.1} by default. */
    public Builder bindAddress(String bindAddress) {
      this.bindAddress = bindAddress;
      return this;
    }

    /** The port; 0 (the default) for a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder backlog(int backlog) {
      this.backlog = backlog;
      return this;
    }

    /** A seed that overrides the scenario's. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Called with the session id and each transcript line as it happens, on the server's I/O
     * thread: it must not block.
     */
    public Builder onLine(BiConsumer<String, Line> listener) {
      this.lineListener = Objects.requireNonNull(listener);
      return this;
    }

    /**
     * Called once per session, with its id and how it ended, as soon as that is known: after the
     * 221 to QUIT, a fault that closes, the client's close, the idle timeout or the server's stop.
     * A note on data discarded as the connection closes may still follow as a line. Like {@link
     * #onLine}, it must not block.
     */
    public Builder onSessionEnd(BiConsumer<String, SmtpSession.End> listener) {
      this.endListener = Objects.requireNonNull(listener);
      return this;
    }

    public SmtpMockServer start() {
      if (scenario == null) {
        scenario = Scenario.builder().scenario(Scenario.DEFAULT_NAME).build();
      }
      return new SmtpMockServer(this);
    }
  }
}
