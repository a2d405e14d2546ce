package dev.smtpmock.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code server} block of a scenario (SPEC 2.1). Keys that were not given stay unset, so that
 * {@code extends} can merge blocks key by key; the accessors answer with the defaults.
 */
public final class ServerSettings {
  public static final String DEFAULT_HOSTNAME = "smtpmock.test";
  public static final String DEFAULT_GREETING = "ESMTP smtpmock";
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

  private static final ServerSettings EMPTY = builder().build();

  private final String hostname;
  private final String greeting;
  private final List<Extension> extensions;
  private final Long maxMessageSize;
  private final Integer maxRecipients;
  private final Integer maxLineLength;
  private final Duration idleTimeout;
  private final Auth auth;
  private final Tls tls;
  private final Long seed;
  private final Store store;

  private ServerSettings(Builder b) {
    hostname = b.hostname;
    greeting = b.greeting;
    extensions = b.extensions == null ? null : List.copyOf(b.extensions);
    maxMessageSize = b.maxMessageSize;
    maxRecipients = b.maxRecipients;
    maxLineLength = b.maxLineLength;
    idleTimeout = b.idleTimeout;
    auth = b.auth;
    tls = b.tls;
    seed = b.seed;
    store = b.store;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Settings with every key at its default. */
  public static ServerSettings defaults() {
    return EMPTY;
  }

  public String hostname() {
    return hostname != null ? hostname : DEFAULT_HOSTNAME;
  }

  public String greeting() {
    return greeting != null ? greeting : DEFAULT_GREETING;
  }

  public List<Extension> extensions() {
    return extensions != null ? extensions : DEFAULT_EXTENSIONS;
  }

  public boolean advertises(Extension extension) {
    return extensions().contains(extension);
  }

  /** The size limit in bytes; 0 for none. */
  public long maxMessageSize() {
    return maxMessageSize != null ? maxMessageSize : DEFAULT_MAX_MESSAGE_SIZE;
  }

  public int maxRecipients() {
    return maxRecipients != null ? maxRecipients : DEFAULT_MAX_RECIPIENTS;
  }

  public int maxLineLength() {
    return maxLineLength != null ? maxLineLength : DEFAULT_MAX_LINE_LENGTH;
  }

  public Duration idleTimeout() {
    return idleTimeout != null ? idleTimeout : DEFAULT_IDLE_TIMEOUT;
  }

  public Auth auth() {
    return auth != null ? auth : Auth.builder().build();
  }

  public Tls tls() {
    return tls != null ? tls : Tls.builder().build();
  }

  /** The seed given in the scenario, or null when the server chooses one at start. */
  public Long seed() {
    return seed;
  }

  public Store store() {
    return store != null ? store : Store.builder().build();
  }

  /** The keys that were set explicitly, in YAML order, with their values; for rendering. */
  public Map<String, Object> explicitValues() {
    Map<String, Object> m = new LinkedHashMap<>();
    putIfSet(m, "hostname", hostname);
    putIfSet(m, "greeting", greeting);
    putIfSet(m, "extensions", extensions);
    putIfSet(m, "max-message-size", maxMessageSize);
    putIfSet(m, "max-recipients", maxRecipients);
    putIfSet(m, "max-line-length", maxLineLength);
    putIfSet(m, "idle-timeout", idleTimeout);
    putIfSet(m, "auth", auth);
    putIfSet(m, "tls", tls);
    putIfSet(m, "seed", seed);
    putIfSet(m, "store", store);
    return m;
  }

  /** These settings over {@code base}: keys set here win, maps merge, lists are replaced. */
  public ServerSettings mergedOver(ServerSettings base) {
    Builder b = new Builder();
    b.hostname = hostname != null ? hostname : base.hostname;
    b.greeting = greeting != null ? greeting : base.greeting;
    b.extensions = extensions != null ? extensions : base.extensions;
    b.maxMessageSize = maxMessageSize != null ? maxMessageSize : base.maxMessageSize;
    b.maxRecipients = maxRecipients != null ? maxRecipients : base.maxRecipients;
    b.maxLineLength = maxLineLength != null ? maxLineLength : base.maxLineLength;
    b.idleTimeout = idleTimeout != null ? idleTimeout : base.idleTimeout;
    b.auth = auth == null ? base.auth : base.auth == null ? auth : auth.mergedOver(base.auth);
    b.tls = tls == null ? base.tls : base.tls == null ? tls : tls.mergedOver(base.tls);
    b.seed = seed != null ? seed : base.seed;
    b.store =
        store == null ? base.store : base.store == null ? store : store.mergedOver(base.store);
    return b.build();
  }

  private static void putIfSet(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServerSettings s && explicitValues().equals(s.explicitValues());
  }

  @Override
  public int hashCode() {
    return explicitValues().hashCode();
  }

  @Override
  public String toString() {
    return "ServerSettings" + explicitValues();
  }

  /** Builds {@link ServerSettings}; each method is named after its YAML key. */
  public static final class Builder {
    private String hostname;
    private String greeting;
    private List<Extension> extensions;
    private Long maxMessageSize;
    private Integer maxRecipients;
    private Integer maxLineLength;
    private Duration idleTimeout;
    private Auth auth;
    private Tls tls;
    private Long seed;
    private Store store;

    private Builder() {}

    public Builder hostname(String hostname) {
      this.hostname = hostname;
      return this;
    }

    public Builder greeting(String greeting) {
      this.greeting = greeting;
      return this;
    }

    /** Adds an extension to advertise; the first call replaces the default list. */
    public Builder extension(Extension extension) {
      if (extensions == null) {
        extensions = new ArrayList<>();
      }
      extensions.add(extension);
      return this;
    }

    /** Advertises no extension at all. */
    public Builder noExtensions() {
      extensions = new ArrayList<>();
      return this;
    }

    /** In bytes; 0 means no limit. */
    public Builder maxMessageSize(long bytes) {
      this.maxMessageSize = bytes;
      return this;
    }

    public Builder maxRecipients(int maxRecipients) {
      this.maxRecipients = maxRecipients;
      return this;
    }

    public Builder maxLineLength(int maxLineLength) {
      this.maxLineLength = maxLineLength;
      return this;
    }

    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = idleTimeout;
      return this;
    }

    public Builder auth(Auth auth) {
      this.auth = auth;
      return this;
    }

    public Builder tls(Tls tls) {
      this.tls = tls;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder store(Store store) {
      this.store = store;
      return this;
    }

    public ServerSettings build() {
      return new ServerSettings(this);
    }
  }

  /** {@code server.auth}. */
  public static final class Auth {
    public static final List<String> DEFAULT_MECHANISMS =
        List.of("PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2");

    private final Boolean required;
    private final List<String> mechanisms;
    private final Map<String, String> users;

    private Auth(Boolean required, List<String> mechanisms, Map<String, String> users) {
      this.required = required;
      this.mechanisms = mechanisms == null ? null : List.copyOf(mechanisms);
      this.users = users == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(users));
    }

    public static AuthBuilder builder() {
      return new AuthBuilder();
    }

    public boolean required() {
      return required != null && required;
    }

    public List<String> mechanisms() {
      return mechanisms != null ? mechanisms : DEFAULT_MECHANISMS;
    }

    /** User name to password; empty means any credentials are accepted. */
    public Map<String, String> users() {
      return users != null ? users : Map.of();
    }

    Auth mergedOver(Auth base) {
      Map<String, String> mergedUsers = users;
      if (users != null && base.users != null) {
        mergedUsers = new LinkedHashMap<>(base.users);
        mergedUsers.putAll(users);
      }
      return new Auth(
          required != null ? required : base.required,
          mechanisms != null ? mechanisms : base.mechanisms,
          mergedUsers != null ? mergedUsers : base.users);
    }

    /** The keys that were set, for rendering. */
    public Map<String, Object> explicitValues() {
      Map<String, Object> m = new LinkedHashMap<>();
      putIfSet(m, "required", required);
      putIfSet(m, "mechanisms", mechanisms);
      putIfSet(m, "users", users);
      return m;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Auth a && explicitValues().equals(a.explicitValues());
    }

    @Override
    public int hashCode() {
      return explicitValues().hashCode();
    }
  }

  /** Builds {@link Auth}. */
  public static final class AuthBuilder {
    private Boolean required;
    private List<String> mechanisms;
    private Map<String, String> users;

    private AuthBuilder() {}

    public AuthBuilder required(boolean required) {
      this.required = required;
      return this;
    }

    /** Adds a mechanism; the first call replaces the default list. */
    public AuthBuilder mechanism(String mechanism) {
      if (mechanisms == null) {
        mechanisms = new ArrayList<>();
      }
      mechanisms.add(mechanism);
      return this;
    }

    /** Adds a user; with users, only their credentials are accepted. */
    public AuthBuilder user(String name, String password) {
      if (users == null) {
        users = new LinkedHashMap<>();
      }
      users.put(name, password);
      return this;
    }

    public Auth build() {
      return new Auth(required, mechanisms, users);
    }
  }

  /** {@code server.tls}. */
  public static final class Tls {
    /** The built-in certificates of SPEC 2.11. */
    public static final List<String> BUILT_IN_CERTIFICATES =
        List.of("valid", "expired", "wrong-host", "untrusted");

    private final String certificate;
    private final Path keystore;
    private final String password;
    private final Boolean implicit;
    private final Boolean required;

    private Tls(
        String certificate, Path keystore, String password, Boolean implicit, Boolean required) {
      this.certificate = certificate;
      this.keystore = keystore;
      this.password = password;
      this.implicit = implicit;
      this.required = required;
    }

    public static TlsBuilder builder() {
      return new TlsBuilder();
    }

    /** The built-in certificate's name, or null when a keystore is used. */
    public String certificate() {
      if (keystore != null) {
        return null;
      }
      return certificate != null ? certificate : "valid";
    }

    /** A user PKCS#12 keystore, or null. */
    public Path keystore() {
      return keystore;
    }

    public String password() {
      return password;
    }

    public boolean implicit() {
      return implicit != null && implicit;
    }

    public boolean required() {
      return required != null && required;
    }

    Tls mergedOver(Tls base) {
      boolean ownCertificate = certificate != null || keystore != null;
      return new Tls(
          ownCertificate ? certificate : base.certificate,
          ownCertificate ? keystore : base.keystore,
          ownCertificate ? password : base.password,
          implicit != null ? implicit : base.implicit,
          required != null ? required : base.required);
    }

    /** The keys that were set, for rendering. */
    public Map<String, Object> explicitValues() {
      Map<String, Object> m = new LinkedHashMap<>();
      if (keystore != null) {
        Map<String, Object> ks = new LinkedHashMap<>();
        ks.put("keystore", keystore.toString());
        putIfSet(ks, "password", password);
        m.put("certificate", ks);
      } else {
        putIfSet(m, "certificate", certificate);
      }
      putIfSet(m, "implicit", implicit);
      putIfSet(m, "required", required);
      return m;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Tls t && explicitValues().equals(t.explicitValues());
    }

    @Override
    public int hashCode() {
      return Objects.hash(explicitValues());
    }
  }

  /** Builds {@link Tls}. */
  public static final class TlsBuilder {
    private String certificate;
    private Path keystore;
    private String password;
    private Boolean implicit;
    private Boolean required;

    private TlsBuilder() {}

    /** One of {@link Tls#BUILT_IN_CERTIFICATES}. */
    public TlsBuilder certificate(String builtIn) {
      this.certificate = builtIn;
      this.keystore = null;
      return this;
    }

    /** A PKCS#12 keystore of the user's. */
    public TlsBuilder certificate(Path keystore, String password) {
      this.keystore = keystore;
      this.password = password;
      this.certificate = null;
      return this;
    }

    public TlsBuilder implicit(boolean implicit) {
      this.implicit = implicit;
      return this;
    }

    public TlsBuilder required(boolean required) {
      this.required = required;
      return this;
    }

    public Tls build() {
      return new Tls(certificate, keystore, password, implicit, required);
    }
  }

  /** {@code server.store}: the bounds of the message and session store. */
  public static final class Store {
    public static final long DEFAULT_MAX_MESSAGES = 100_000;
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;
    public static final long DEFAULT_MAX_SESSIONS = 10_000;

    private final Long maxMessages;
    private final Long maxBytes;
    private final Long maxSessions;

    private Store(Long maxMessages, Long maxBytes, Long maxSessions) {
      this.maxMessages = maxMessages;
      this.maxBytes = maxBytes;
      this.maxSessions = maxSessions;
    }

    public static StoreBuilder builder() {
      return new StoreBuilder();
    }

    public long maxMessages() {
      return maxMessages != null ? maxMessages : DEFAULT_MAX_MESSAGES;
    }

    public long maxBytes() {
      return maxBytes != null ? maxBytes : DEFAULT_MAX_BYTES;
    }

    public long maxSessions() {
      return maxSessions != null ? maxSessions : DEFAULT_MAX_SESSIONS;
    }

    Store mergedOver(Store base) {
      return new Store(
          maxMessages != null ? maxMessages : base.maxMessages,
          maxBytes != null ? maxBytes : base.maxBytes,
          maxSessions != null ? maxSessions : base.maxSessions);
    }

    /** The keys that were set, for rendering. */
    public Map<String, Object> explicitValues() {
      Map<String, Object> m = new LinkedHashMap<>();
      putIfSet(m, "max-messages", maxMessages);
      putIfSet(m, "max-bytes", maxBytes);
      putIfSet(m, "max-sessions", maxSessions);
      return m;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Store s && explicitValues().equals(s.explicitValues());
    }

    @Override
    public int hashCode() {
      return explicitValues().hashCode();
    }
  }

  /** Builds {@link Store}. */
  public static final class StoreBuilder {
    private Long maxMessages;
    private Long maxBytes;
    private Long maxSessions;

    private StoreBuilder() {}

    public StoreBuilder maxMessages(long maxMessages) {
      this.maxMessages = maxMessages;
      return this;
    }

    public StoreBuilder maxBytes(long maxBytes) {
      this.maxBytes = maxBytes;
      return this;
    }

    public StoreBuilder maxSessions(long maxSessions) {
      this.maxSessions = maxSessions;
      return this;
    }

    public Store build() {
      return new Store(maxMessages, maxBytes, maxSessions);
    }
  }
}
