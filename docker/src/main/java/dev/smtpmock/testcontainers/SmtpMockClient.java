package dev.smtpmock.testcontainers;

import dev.smtpmock.assertions.CapturedMail;
import dev.smtpmock.assertions.CapturedMessage;
import dev.smtpmock.assertions.CapturedSession;
import dev.smtpmock.assertions.Durations;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A client for smtpmock's admin API (SPEC 6): the captured messages and sessions, the scenario in
 * force, reset and stats. Get one from {@link SmtpMockContainer#client()}, or with {@link
 * #create(URI)} for an smtpmock started some other way (Docker Compose, {@code java -jar}).
 *
 * <p>Its records take the names of smtpmock-core's {@code ReceivedMessage} and {@code SmtpSession},
 * and {@code SmtpMockAssertions.assertThat(…)} (smtpmock-assertions) takes the client, its messages
 * and its sessions, as it takes an in-JVM server's.
 *
 * <p>Instances are immutable and thread-safe; they share one {@link HttpClient}.
 */
public final class SmtpMockClient implements CapturedMail {
  /** The runner bounds one long poll to 5 minutes; longer waits take several. */
  private static final Duration MAX_POLL = Duration.ofMinutes(5);

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final URI adminUrl;
  private final String token;

  private SmtpMockClient(URI adminUrl, String token) {
    this.adminUrl = adminUrl;
    this.token = token;
  }

  /**
   * A client for the admin API at this base URL, e.g. {@code http://localhost:8025}.
   *
   * @throws IllegalArgumentException unless the URL is an absolute {@code http} or {@code https}
   *     URL
   */
  public static SmtpMockClient create(URI adminUrl) {
    Objects.requireNonNull(adminUrl, "adminUrl");
    String scheme = adminUrl.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException(
          "the admin URL must be http://HOST:PORT, not '" + adminUrl + "'");
    }
    String base = adminUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return new SmtpMockClient(URI.create(base), null);
  }

  /** {@link #create(URI)} for a string. */
  public static SmtpMockClient create(String adminUrl) {
    return create(URI.create(Objects.requireNonNull(adminUrl, "adminUrl")));
  }

  /**
   * This client, sending {@code Authorization: Bearer TOKEN} (the runner's {@code --admin-token}).
   */
  public SmtpMockClient withToken(String token) {
    return new SmtpMockClient(adminUrl, Objects.requireNonNull(token, "token"));
  }

  /** The admin API's base URL. */
  public URI adminUrl() {
    return adminUrl;
  }

  /** The accepted messages, oldest first, each with its data. */
  @Override
  public List<Message> messages() {
    return AdminJson.messages(get("/api/messages"), this::rawMessage);
  }

  /** The messages of this status, oldest first. */
  public List<Message> messages(Message.Status status) {
    Objects.requireNonNull(status, "status");
    return AdminJson.messages(
        get("/api/messages?status=" + status.name().toLowerCase(Locale.ROOT)), this::rawMessage);
  }

  /** Every message (accepted, rejected and incomplete), oldest first. */
  public List<Message> allMessages() {
    return AdminJson.messages(get("/api/messages?status=all"), this::rawMessage);
  }

  /** One message, by the id of its "queued as" reply. */
  public Message message(String id) {
    return AdminJson.message(AdminJson.tree(get("/api/messages/" + encode(id))), this::rawMessage);
  }

  /** The stored bytes of one message (dot-unstuffed, as received): headers and body. */
  public byte[] rawMessage(String id) {
    return send(request("/api/messages/" + encode(id) + "/raw").GET(), REQUEST_TIMEOUT);
  }

  /**
   * Waits until at least {@code count} messages have been accepted and returns the accepted
   * messages, oldest first. Waits on the server (a long poll), not by polling.
   *
   * @throws SmtpMockClientException when fewer arrived within the timeout; its message lists the
   *     messages and sessions seen
   */
  public List<Message> awaitMessages(int count, Duration timeout) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, not " + count);
    }
    Objects.requireNonNull(timeout, "timeout");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      Duration wait = left.compareTo(MAX_POLL) > 0 ? MAX_POLL : left;
      String path = "/api/messages?wait=" + wait.toMillis() + "ms&count=" + count;
      String accepted =
          new String(send(request(path).GET(), wait.plus(REQUEST_TIMEOUT)), StandardCharsets.UTF_8);
      // counted before the data is fetched: a poll that falls short needs no data
      if (AdminJson.tree(accepted).size() >= count) {
        return AdminJson.messages(accepted, this::rawMessage);
      }
      if (deadline - System.nanoTime() <= 0) {
        throw new SmtpMockClientException(
            timeoutReport(count, timeout, AdminJson.tree(accepted).size()), 0, List.of());
      }
    }
  }

  /** Every session (connection), oldest first, with its transcript. */
  @Override
  public List<Session> sessions() {
    return AdminJson.sessions(get("/api/sessions"));
  }

  /** Forgets the messages and sessions and restarts the rules' counters. */
  public void reset() {
    send(request("/api/reset").POST(HttpRequest.BodyPublishers.noBody()), REQUEST_TIMEOUT);
  }

  /** The scenario in force, as YAML. */
  public String scenario() {
    return get("/api/scenario");
  }

  /**
   * Swaps the scenario in force for this one: the next command is answered by it. The connections
   * already open, the messages and the sessions stay; the rules' counters start again.
   *
   * @return the new scenario's name and its warnings
   * @throws SmtpMockClientException when the scenario is invalid (status 400, with {@link
   *     SmtpMockClientException#problems()}); the scenario in force is then unchanged
   */
  public ScenarioUpdate scenario(String yaml) {
    Objects.requireNonNull(yaml, "yaml");
    HttpRequest.Builder put =
        request("/api/scenario")
            .header("Content-Type", "application/yaml")
            .PUT(HttpRequest.BodyPublishers.ofString(yaml, StandardCharsets.UTF_8));
    return AdminJson.scenarioUpdate(new String(send(put, REQUEST_TIMEOUT), StandardCharsets.UTF_8));
  }

  /** The counters: messages by status, evictions, connections, and how often each rule fired. */
  public Stats stats() {
    return AdminJson.stats(get("/api/stats"));
  }

  /**
   * The PEM of the test CA that signs smtpmock's TLS certificates. Its private key is public: never
   * trust this CA outside tests.
   */
  public String caCertificatePem() {
    return get("/api/tls/ca.pem");
  }

  private String get(String path) {
    return new String(send(request(path).GET(), REQUEST_TIMEOUT), StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(adminUrl + path));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private static byte[] send(HttpRequest.Builder builder, Duration timeout) {
    HttpRequest request = builder.timeout(timeout).build();
    String what = request.method() + " " + request.uri();
    HttpResponse<byte[]> response;
    try {
      response = SharedHttpClient.INSTANCE.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new SmtpMockClientException(what + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SmtpMockClientException(what + " was interrupted", e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response.body();
    }
    String body = new String(response.body(), StandardCharsets.UTF_8);
    List<Problem> problems = AdminJson.problems(body);
    String message = what + " answered " + status + ": " + body;
    if (!problems.isEmpty()) {
      message =
          what
              + " answered "
              + status
              + ", invalid scenario:\n"
              + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
    throw new SmtpMockClientException(message, status, problems);
  }

  private String timeoutReport(int count, Duration timeout, int accepted) {
    StringBuilder report =
        new StringBuilder("expected at least ")
            .append(count)
            .append(count == 1 ? " accepted message" : " accepted messages")
            .append(" within ")
            .append(Durations.format(timeout))
            .append(", got ")
            .append(accepted);
    try {
      List<Message> all = allMessages();
      report.append("\nmessages (any status): ").append(all.size());
      all.forEach(m -> report.append("\n  ").append(m));
      List<Session> sessions = sessions();
      report.append("\nsessions: ").append(sessions.size());
      sessions.forEach(s -> report.append("\n").append(s.toString().indent(2).stripTrailing()));
    } catch (SmtpMockClientException e) {
      report.append("\n(no more detail: ").append(e.getMessage()).append(')');
    }
    return report.toString();
  }

  private static String encode(String id) {
    Objects.requireNonNull(id, "id");
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return "SmtpMockClient[" + adminUrl + "]";
  }

  /** An unmodifiable copy that keeps the order of the parameters as sent. */
  private static Map<String, String> copy(Map<String, String> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** One {@link HttpClient} for every client: its selector thread is a daemon, made once. */
  private static final class SharedHttpClient {
    static final HttpClient INSTANCE =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * A message, as {@code GET /api/messages} gives it, with its data from {@code
   * /api/messages/{id}/raw}; the names are those of smtpmock-core's {@code ReceivedMessage}.
   *
   * @param id the id in the reply's "queued as ID": 12 upper-case hex digits
   * @param sessionId the session ({@link Session#id()}) that sent it
   * @param connection the connection's number, 1, 2, … in accept order
   * @param sequence increases in the order the final replies were sent
   * @param reply the reply to the end of its data
   * @param sender the MAIL FROM address ({@code ""} for the null sender), JSON {@code from}
   * @param senderParameters the MAIL FROM parameters, such as {@code SIZE}, JSON {@code fromParams}
   * @param subject the raw, unfolded Subject, or null
   * @param subjectDecoded the Subject with its RFC 2047 encoded words decoded, or null
   * @param size the stored data's size in bytes
   * @param truncated whether the store kept only the first part of the data
   * @param headers the header fields in order, values unfolded, not decoded
   * @param data the data as received (dot-unstuffed): headers and body
   */
  public record Message(
      String id,
      String sessionId,
      int connection,
      long sequence,
      Status status,
      String reply,
      String sender,
      Map<String, String> senderParameters,
      List<Recipient> recipients,
      String subject,
      String subjectDecoded,
      long size,
      boolean truncated,
      Instant receivedAt,
      List<Header> headers,
      byte[] data)
      implements CapturedMessage {

    public Message {
      senderParameters = copy(senderParameters);
      recipients = List.copyOf(recipients);
      headers = List.copyOf(headers);
      data = data.clone();
    }

    /** What became of a message. */
    public enum Status {
      /** Answered 2xx at the end of its data: delivered, as far as the client knows. */
      ACCEPTED,
      /** Answered 4xx or 5xx at the end of its data. */
      REJECTED,
      /** The connection ended before the end of its data. */
      INCOMPLETE
    }

    /**
     * A RCPT TO address, its parameters, such as {@code NOTIFY} (JSON {@code params}), and what the
     * end of the data did for it: under LMTP its own reply and status, under SMTP the message's
     * ({@code reply} null when the connection ended first).
     */
    public record Recipient(
        String address, Map<String, String> parameters, String reply, Status status) {
      public Recipient {
        parameters = copy(parameters);
      }
    }

    /** One header field. */
    public record Header(String name, String value) {}

    /** A copy of the data as received. */
    @Override
    public byte[] data() {
      return data.clone();
    }

    /** The recipients' addresses, in RCPT order. */
    @Override
    public List<String> recipientAddresses() {
      return recipients.stream().map(Recipient::address).toList();
    }

    @Override
    public List<Outcome> recipientOutcomes() {
      return recipients.stream().map(r -> new Outcome(r.address(), r.status(), r.reply())).toList();
    }

    /** The first value of the header (name case-insensitive), or null. */
    public String header(String name) {
      return headers.stream()
          .filter(h -> h.name().equalsIgnoreCase(name))
          .map(Header::value)
          .findFirst()
          .orElse(null);
    }

    /** Every value of the header (name case-insensitive), in order. */
    @Override
    public List<String> headerValues(String name) {
      return headers.stream()
          .filter(h -> h.name().equalsIgnoreCase(name))
          .map(Header::value)
          .toList();
    }

    /** Equal when every component is, the data compared by content. */
    @Override
    public boolean equals(Object other) {
      return other instanceof Message m
          && withoutData().equals(m.withoutData())
          && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
      return 31 * withoutData().hashCode() + Arrays.hashCode(data);
    }

    /** The components but the data, which a record would compare by identity. */
    private List<Object> withoutData() {
      return Arrays.asList(
          id,
          sessionId,
          connection,
          sequence,
          status,
          reply,
          sender,
          senderParameters,
          recipients,
          subject,
          subjectDecoded,
          size,
          truncated,
          receivedAt,
          headers);
    }

    @Override
    public String toString() {
      return id
          + " "
          + status.name().toLowerCase(Locale.ROOT)
          + " (connection "
          + connection
          + ") from <"
          + sender
          + "> to "
          + recipientAddresses()
          + ", subject "
          + subject
          + ": "
          + reply;
    }
  }

  /**
   * A session (one SMTP connection), as {@code GET /api/sessions} gives it; the names are those of
   * smtpmock-core's {@code SmtpSession}.
   *
   * @param id such as {@code S000001}
   * @param connection its number, 1, 2, … in accept order
   * @param clientAddress the client's address and port as the container saw them, JSON {@code
   *     client}
   * @param endedAt null while the connection is open
   * @param tls null unless STARTTLS (or implicit TLS) succeeded
   * @param user the authenticated user, or null
   * @param end how it ended; null while it is open
   * @param lines the transcript
   */
  public record Session(
      String id,
      int connection,
      String clientAddress,
      Instant startedAt,
      Instant endedAt,
      Tls tls,
      String user,
      End end,
      List<Line> lines)
      implements CapturedSession {

    public Session {
      lines = List.copyOf(lines);
    }

    /** How a session ended. */
    public enum End {
      QUIT,
      CLIENT_CLOSED,
      FAULT,
      IDLE_TIMEOUT,
      SERVER_STOPPED
    }

    /** Who wrote a line. */
    public enum Direction {
      /** {@code "C"}: a command or data from the client. */
      CLIENT,
      /** {@code "S"}: a reply from smtpmock. */
      SERVER
    }

    /** The TLS protocol and cipher suite the session negotiated. */
    public record Tls(String protocol, String cipher) {}

    /**
     * One line of the transcript. {@code text} is a command, or a whole reply (a multi-line reply
     * with its CRLFs).
     *
     * @param direction who wrote it, JSON {@code dir}
     * @param rule the rule that produced this reply; null for the default behaviour and for client
     *     lines
     */
    public record Line(Instant at, Direction direction, String text, Rule rule)
        implements CapturedSession.Line {
      @Override
      public boolean fromClient() {
        return direction == Direction.CLIENT;
      }

      @Override
      public String toString() {
        return (direction == Direction.CLIENT ? "C: " : "S: ")
            + text.replace("\r\n", "\n   ")
            + (rule != null ? "    [rule " + rule + "]" : "");
      }
    }

    /** A rule of the scenario: its name (or {@code rule N}) and where it was written. */
    public record Rule(String name, String source, int line, int column) {
      @Override
      public String toString() {
        return source == null ? name : name + " (" + source + ":" + line + ":" + column + ")";
      }
    }

    /** True while the connection is open. */
    public boolean isOpen() {
      return end == null;
    }

    /** The commands the client sent, in order. */
    public List<String> commands() {
      return lines.stream().filter(Line::fromClient).map(Line::text).toList();
    }

    /** The replies smtpmock sent, in order. */
    public List<String> replies() {
      return lines.stream().filter(l -> !l.fromClient()).map(Line::text).toList();
    }

    /** The transcript as text, one {@code C: }/{@code S: } line per command or reply line. */
    public String transcript() {
      return lines.stream().map(Line::toString).collect(Collectors.joining("\n"));
    }

    /** The transcript after a line naming the session, as core's {@code SmtpSession} prints. */
    @Override
    public String toString() {
      return "session "
          + id
          + " (connection "
          + connection
          + " from "
          + clientAddress
          + (end == null ? ", open" : ", ended: " + end)
          + ")\n"
          + transcript();
    }
  }

  /**
   * A problem in a scenario, at its position: the format compilers and IDEs understand.
   *
   * @param source the file, or {@code PUT /api/scenario}
   * @param line 1-based; 0 when the problem has no position
   * @param column 1-based; 0 when the problem has no position
   */
  public record Problem(String source, int line, int column, Severity severity, String message) {
    /** An error makes the scenario invalid; a warning does not. */
    public enum Severity {
      ERROR,
      WARNING
    }

    @Override
    public String toString() {
      return source
          + ":"
          + line
          + ":"
          + column
          + ": "
          + severity.name().toLowerCase(Locale.ROOT)
          + ": "
          + message;
    }
  }

  /**
   * The answer to {@link #scenario(String)}.
   *
   * @param scenario the new scenario's name
   * @param warnings what is odd but allowed in it
   */
  public record ScenarioUpdate(String scenario, List<Problem> warnings) {
    public ScenarioUpdate {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * The counters of {@code GET /api/stats}, since start, {@link #reset()} or a scenario swap for
   * the rules.
   */
  public record Stats(
      long accepted,
      long rejected,
      long incomplete,
      long evictedMessages,
      long evictedSessions,
      long connections,
      List<RuleStat> rules) {
    public Stats {
      rules = List.copyOf(rules);
    }

    /** How often a rule fired. */
    public record RuleStat(String name, long fired) {}

    /** How often the rule of this name fired; 0 for a name no rule has. */
    public long fired(String rule) {
      return rules.stream().filter(r -> r.name().equals(rule)).mapToLong(RuleStat::fired).sum();
    }
  }
}
