package dev.smtpmock.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code server} block of a scenario (SPEC 2.1). Keys that were not given stay unset, so that
 * {@code extends} can merge blocks key by key; the accessors answer with the defaults. Each block
 * keeps its keys as {@link Given} values, which merging and equality go through.
 */
public final class ServerSettings extends SettingsBlock {
  public static final String DEFAULT_HOSTNAME = "smtpmock.test";
  public static final String DEFAULT_GREETING = "ESMTP smtpmock";

  /** The greeting's default text when the server speaks LMTP. */
  public static final String DEFAULT_LMTP_GREETING = "LMTP smtpmock";

  public static final List<Extension> DEFAULT_EXTENSIONS =
      List.of(
          Extension.PIPELINING,
          Extension.SIZE,
          Extension.EIGHTBITMIME,
          Extension.SMTPUTF8,
          Extension.ENHANCEDSTATUSCODES,
          Extension.CHUNKING,
          Extension.DSN,
          Extension.AUTH);
  public static final long DEFAULT_MAX_MESSAGE_SIZE = 10L * 1024 * 1024;
  public static final int DEFAULT_MAX_RECIPIENTS = 1000;
  public static final int DEFAULT_MAX_LINE_LENGTH = 2048;
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
  public static final int DEFAULT_MAX_CONNECTIONS = 10_000;

  /** The keys of the block, in the order of SPEC 2.1 and of rendering. */
  static final List<String> KEYS =
      List.of(
          "protocol",
          "hostname",
          "greeting",
          "extensions",
          "max-message-size",
          "max-recipients",
          "max-line-length",
          "idle-timeout",
          "max-connections",
          "auth",
          "tls",
          "seed",
          "store");

  private static final ServerSettings EMPTY = new ServerSettings(Given.none(KEYS));

  // Read for every command; worked out once from the given list and the protocol.
  private final List<Extension> extensions;

  private ServerSettings(Given given) {
    super(given);
    this.extensions = effectiveExtensions(given.get("extensions", DEFAULT_EXTENSIONS), protocol());
  }

  /** LMTP always has PIPELINING and ENHANCEDSTATUSCODES (RFC 2033 section 4.1, SPEC 8). */
  private static List<Extension> effectiveExtensions(List<Extension> given, Protocol protocol) {
    if (protocol == Protocol.SMTP) {
      return given;
    }
    List<Extension> all = new ArrayList<>(given);
    for (Extension always : List.of(Extension.ENHANCEDSTATUSCODES, Extension.PIPELINING)) {
      if (!all.contains(always)) {
        all.add(0, always);
      }
    }
    return List.copyOf(all);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Settings with every key at its default. */
  public static ServerSettings defaults() {
    return EMPTY;
  }

  public String hostname() {
    return given.get("hostname", DEFAULT_HOSTNAME);
  }

  public Protocol protocol() {
    return given.get("protocol", Protocol.SMTP);
  }

  public String greeting() {
    return given.get(
        "greeting", protocol() == Protocol.LMTP ? DEFAULT_LMTP_GREETING : DEFAULT_GREETING);
  }

  /** What EHLO (LHLO) advertises and the server accepts, in the order written. */
  public List<Extension> extensions() {
    return extensions;
  }

  public boolean advertises(Extension extension) {
    return extensions().contains(extension);
  }

  /** The size limit in bytes; 0 for none. */
  public long maxMessageSize() {
    return given.get("max-message-size", DEFAULT_MAX_MESSAGE_SIZE);
  }

  public int maxRecipients() {
    return given.get("max-recipients", DEFAULT_MAX_RECIPIENTS);
  }

  public int maxLineLength() {
    return given.get("max-line-length", DEFAULT_MAX_LINE_LENGTH);
  }

  public Duration idleTimeout() {
    return given.get("idle-timeout", DEFAULT_IDLE_TIMEOUT);
  }

  /** Connections open at once; past it a connection gets 421 4.3.2 instead of the greeting. */
  public int maxConnections() {
    return given.get("max-connections", DEFAULT_MAX_CONNECTIONS);
  }

  public Auth auth() {
    return new Auth(given.block("auth", Auth.KEYS));
  }

  public Tls tls() {
    return new Tls(given.block("tls", Tls.KEYS));
  }

  /** The seed given in the scenario, or null when the server chooses one at start. */
  public Long seed() {
    return given.get("seed", null);
  }

  public Store store() {
    return new Store(given.block("store", Store.KEYS));
  }

  /** These settings over {@code base}: keys set here win, maps merge, lists are replaced. */
  public ServerSettings mergedOver(ServerSettings base) {
    return new ServerSettings(given.mergedOver(base.given));
  }

  /** Builds {@link ServerSettings}; each method is named after its YAML key. */
  public static final class Builder {
    private final Given.Draft given = new Given.Draft(KEYS);

    private Builder() {}

    public Builder protocol(Protocol protocol) {
      given.set("protocol", protocol);
      return this;
    }

    public Builder hostname(String hostname) {
      given.set("hostname", hostname);
      return this;
    }

    public Builder greeting(String greeting) {
      given.set("greeting", greeting);
      return this;
    }

    /** Adds an extension to advertise; the first call replaces the default list. */
    public Builder extension(Extension extension) {
      given.add("extensions", extension);
      return this;
    }

    /** Advertises no extension at all. */
    public Builder noExtensions() {
      given.clear("extensions");
      return this;
    }

    /** In bytes; 0 means no limit. */
    public Builder maxMessageSize(long bytes) {
      given.set("max-message-size", bytes);
      return this;
    }

    public Builder maxRecipients(int maxRecipients) {
      given.set("max-recipients", maxRecipients);
      return this;
    }

    public Builder maxLineLength(int maxLineLength) {
      given.set("max-line-length", maxLineLength);
      return this;
    }

    public Builder idleTimeout(Duration idleTimeout) {
      given.set("idle-timeout", idleTimeout);
      return this;
    }

    public Builder maxConnections(int maxConnections) {
      given.set("max-connections", maxConnections);
      return this;
    }

    public Builder auth(Auth auth) {
      given.set("auth", auth.given);
      return this;
    }

    public Builder tls(Tls tls) {
      given.set("tls", tls.given);
      return this;
    }

    public Builder seed(long seed) {
      given.set("seed", seed);
      return this;
    }

    public Builder store(Store store) {
      given.set("store", store.given);
      return this;
    }

    public ServerSettings build() {
      return new ServerSettings(given.build());
    }
  }

  /** {@code server.auth}. */
  public static final class Auth extends SettingsBlock {
    public static final List<String> DEFAULT_MECHANISMS =
        List.of("PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2");
    static final List<String> KEYS = List.of("required", "mechanisms", "users");

    private Auth(Given given) {
      super(given);
    }

    public static AuthBuilder builder() {
      return new AuthBuilder();
    }

    public boolean required() {
      return given.get("required", false);
    }

    public List<String> mechanisms() {
      return given.get("mechanisms", DEFAULT_MECHANISMS);
    }

    /** User name to password; empty means any credentials are accepted. */
    public Map<String, String> users() {
      return given.get("users", Map.of());
    }
  }

  /** Builds {@link Auth}. */
  public static final class AuthBuilder {
    private final Given.Draft given = new Given.Draft(Auth.KEYS);

    private AuthBuilder() {}

    public AuthBuilder required(boolean required) {
      given.set("required", required);
      return this;
    }

    /** Adds a mechanism; the first call replaces the default list. */
    public AuthBuilder mechanism(String mechanism) {
      given.add("mechanisms", mechanism);
      return this;
    }

    /** Adds a user; with users, only their credentials are accepted. */
    public AuthBuilder user(String name, String password) {
      given.put("users", name, password);
      return this;
    }

    public Auth build() {
      return new Auth(given.build());
    }
  }

  /** {@code server.tls}. */
  public static final class Tls extends SettingsBlock {
    /** The built-in certificates of SPEC 2.11. */
    public static final List<String> BUILT_IN_CERTIFICATES =
        List.of("valid", "expired", "wrong-host", "untrusted");

    static final List<String> KEYS = List.of("certificate", "implicit", "required");

    /** {@code certificate: {keystore, password}}: one value, so that a base's never mixes in. */
    record Keystore(Path path, String password) {}

    private Tls(Given given) {
      super(given);
    }

    public static TlsBuilder builder() {
      return new TlsBuilder();
    }

    /** The built-in certificate's name, or null when a keystore is used. */
    public String certificate() {
      return given.<Object>get("certificate", "valid") instanceof String builtIn ? builtIn : null;
    }

    /** A user PKCS#12 keystore, or null. */
    public Path keystore() {
      return keystoreGiven() != null ? keystoreGiven().path() : null;
    }

    public String password() {
      return keystoreGiven() != null ? keystoreGiven().password() : null;
    }

    private Keystore keystoreGiven() {
      return given.<Object>get("certificate", null) instanceof Keystore k ? k : null;
    }

    public boolean implicit() {
      return given.get("implicit", false);
    }

    public boolean required() {
      return given.get("required", false);
    }
  }

  /** Builds {@link Tls}. */
  public static final class TlsBuilder {
    private final Given.Draft given = new Given.Draft(Tls.KEYS);

    private TlsBuilder() {}

    /** One of {@link Tls#BUILT_IN_CERTIFICATES}. */
    public TlsBuilder certificate(String builtIn) {
      given.set("certificate", builtIn);
      return this;
    }

    /** A PKCS#12 keystore of the user's. */
    public TlsBuilder certificate(Path keystore, String password) {
      given.set("certificate", new Tls.Keystore(keystore, password));
      return this;
    }

    public TlsBuilder implicit(boolean implicit) {
      given.set("implicit", implicit);
      return this;
    }

    public TlsBuilder required(boolean required) {
      given.set("required", required);
      return this;
    }

    public Tls build() {
      return new Tls(given.build());
    }
  }

  /** {@code server.store}: the bounds of the message and session store. */
  public static final class Store extends SettingsBlock {
    public static final long DEFAULT_MAX_MESSAGES = 100_000;
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;
    public static final long DEFAULT_MAX_SESSIONS = 10_000;
    static final List<String> KEYS = List.of("max-messages", "max-bytes", "max-sessions");

    private Store(Given given) {
      super(given);
    }

    public static StoreBuilder builder() {
      return new StoreBuilder();
    }

    public long maxMessages() {
      return given.get("max-messages", DEFAULT_MAX_MESSAGES);
    }

    public long maxBytes() {
      return given.get("max-bytes", DEFAULT_MAX_BYTES);
    }

    public long maxSessions() {
      return given.get("max-sessions", DEFAULT_MAX_SESSIONS);
    }
  }

  /** Builds {@link Store}. */
  public static final class StoreBuilder {
    private final Given.Draft given = new Given.Draft(Store.KEYS);

    private StoreBuilder() {}

    public StoreBuilder maxMessages(long maxMessages) {
      given.set("max-messages", maxMessages);
      return this;
    }

    public StoreBuilder maxBytes(long maxBytes) {
      given.set("max-bytes", maxBytes);
      return this;
    }

    public StoreBuilder maxSessions(long maxSessions) {
      given.set("max-sessions", maxSessions);
      return this;
    }

    public Store build() {
      return new Store(given.build());
    }
  }
}
