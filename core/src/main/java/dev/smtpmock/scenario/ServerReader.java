package dev.smtpmock.scenario;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Reads the {@code server} block (SPEC 2.1) through {@link ServerSettings}' builders. */
final class ServerReader {
  static final List<String> KEYS = ServerSettings.KEYS;
  private static final List<String> KEYSTORE_KEYS = List.of("keystore", "password");
  private static final Map<String, Extension> EXTENSIONS = new LinkedHashMap<>();
  private static final Map<String, String> MECHANISMS = new LinkedHashMap<>();
  private static final Map<String, String> CERTIFICATES = new LinkedHashMap<>();
  private static final Map<String, Protocol> PROTOCOLS = ScenarioValues.yamlNames(Protocol.class);

  static {
    for (Extension e : Extension.values()) {
      EXTENSIONS.put(e.keyword(), e);
    }
    ServerSettings.Auth.DEFAULT_MECHANISMS.forEach(m -> MECHANISMS.put(m, m));
    ServerSettings.Tls.BUILT_IN_CERTIFICATES.forEach(c -> CERTIFICATES.put(c, c));
  }

  private final NodeReader nodes;
  private final Path directory;

  /** {@code directory}: the scenario file's folder, for a relative keystore; null for none. */
  ServerReader(NodeReader nodes, Path directory) {
    this.nodes = nodes;
    this.directory = directory;
  }

  ServerSettings read(Node node) {
    ServerSettings.Builder b = ServerSettings.builder();
    Map<String, NodeTuple> fields = nodes.fields(node, "server", KEYS);
    if (fields != null) {
      fields.forEach((key, tuple) -> apply(b, key, tuple.getValueNode()));
    }
    return b.build();
  }

  private void apply(ServerSettings.Builder b, String key, Node value) {
    switch (key) {
      case "protocol" -> set(nodes.choice(value, key, PROTOCOLS), b::protocol);
      case "hostname" -> set(line(value, key, false), b::hostname);
      case "greeting" -> set(line(value, key, true), b::greeting);
      case "extensions" -> {
        List<Extension> extensions = nodes.choices(value, key, "extension", EXTENSIONS, false);
        if (extensions != null) {
          b.noExtensions();
          extensions.forEach(b::extension);
        }
      }
      case "max-message-size" -> set(nodes.size(value, key), b::maxMessageSize);
      case "max-recipients" ->
          set(nodes.atLeast(nodes.integer(value, key), 1, value, key), b::maxRecipients);
      case "max-line-length" ->
          set(nodes.atLeast(nodes.integer(value, key), 1, value, key), b::maxLineLength);
      case "max-connections" ->
          set(nodes.atLeast(nodes.integer(value, key), 1, value, key), b::maxConnections);
      case "idle-timeout" -> set(positive(nodes.duration(value, key), value, key), b::idleTimeout);
      case "auth" -> set(auth(value), b::auth);
      case "tls" -> set(tls(value), b::tls);
      case "seed" -> set(nodes.whole(value, key), b::seed);
      default -> set(store(value), b::store);
    }
  }

  private ServerSettings.Auth auth(Node node) {
    Map<String, NodeTuple> fields = nodes.fields(node, "auth", ServerSettings.Auth.KEYS);
    if (fields == null) {
      return null;
    }
    ServerSettings.AuthBuilder b = ServerSettings.Auth.builder();
    fields.forEach(
        (key, tuple) -> {
          Node value = tuple.getValueNode();
          switch (key) {
            case "required" -> set(nodes.bool(value, key), b::required);
            case "mechanisms" -> {
              List<String> mechanisms = nodes.choices(value, key, "mechanism", MECHANISMS, false);
              if (mechanisms != null && mechanisms.isEmpty()) {
                nodes.error(
                    value, "mechanisms needs at least one (or leave AUTH out of extensions)");
              } else if (mechanisms != null) {
                mechanisms.forEach(b::mechanism);
              }
            }
            default -> users(value, b);
          }
        });
    return b.build();
  }

  private void users(Node node, ServerSettings.AuthBuilder b) {
    Map<String, NodeTuple> users = nodes.entries(node, "users", false);
    if (users != null) {
      users.forEach(
          (user, tuple) -> {
            String password = nodes.text(tuple.getValueNode(), "the password of " + user);
            if (password != null) {
              b.user(user, password);
            }
          });
    }
  }

  private ServerSettings.Tls tls(Node node) {
    Map<String, NodeTuple> fields = nodes.fields(node, "tls", ServerSettings.Tls.KEYS);
    if (fields == null) {
      return null;
    }
    ServerSettings.TlsBuilder b = ServerSettings.Tls.builder();
    fields.forEach(
        (key, tuple) -> {
          Node value = tuple.getValueNode();
          switch (key) {
            case "certificate" -> certificate(value, b);
            case "implicit" -> set(nodes.bool(value, key), b::implicit);
            default -> set(nodes.bool(value, key), b::required);
          }
        });
    return b.build();
  }

  private void certificate(Node node, ServerSettings.TlsBuilder b) {
    if (!(node instanceof MappingNode)) {
      set(nodes.choice(node, "certificate", CERTIFICATES), b::certificate);
      return;
    }
    Map<String, NodeTuple> fields = nodes.fields(node, "certificate", KEYSTORE_KEYS);
    if (fields == null) {
      return;
    }
    if (!fields.keySet().containsAll(KEYSTORE_KEYS)) {
      nodes.error(node, "a keystore certificate needs keystore (a PKCS#12 file) and password");
      return;
    }
    NodeTuple keystoreKey = fields.get("keystore");
    String keystore = nodes.text(keystoreKey.getValueNode(), "keystore");
    String password = nodes.text(fields.get("password").getValueNode(), "password");
    if (keystore == null || password == null) {
      return;
    }
    Path path;
    try {
      // absolute, so that the path keeps its meaning when the scenario is rendered and reloaded
      path =
          directory != null
              ? directory.toAbsolutePath().resolve(keystore).normalize()
              : Path.of(keystore);
    } catch (InvalidPathException e) {
      nodes.error(keystoreKey.getValueNode(), "keystore: '" + keystore + "' is not a valid path");
      return;
    }
    String problem = KeystoreCheck.problem(path, keystore, password);
    if (problem != null) {
      nodes.error(keystoreKey.getKeyNode(), problem);
    }
    b.certificate(path, password);
  }

  private ServerSettings.Store store(Node node) {
    Map<String, NodeTuple> fields = nodes.fields(node, "store", ServerSettings.Store.KEYS);
    if (fields == null) {
      return null;
    }
    ServerSettings.StoreBuilder b = ServerSettings.Store.builder();
    fields.forEach(
        (key, tuple) -> {
          Node value = tuple.getValueNode();
          switch (key) {
            case "max-messages" ->
                set(nodes.atLeast(nodes.whole(value, key), 1, value, key), b::maxMessages);
            case "max-bytes" ->
                set(nodes.atLeast(nodes.size(value, key), 1, value, key), b::maxBytes);
            default -> set(nodes.atLeast(nodes.whole(value, key), 1, value, key), b::maxSessions);
          }
        });
    return b.build();
  }

  /** One line of text for the wire; a hostname may not be empty or hold spaces. */
  private String line(Node node, String key, boolean spaces) {
    String text = nodes.text(node, key);
    if (text == null) {
      return null;
    }
    if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
      nodes.error(node, key + " must be one line: no CR or LF");
      return null;
    }
    if (!spaces && (text.isBlank() || text.chars().anyMatch(Character::isWhitespace))) {
      nodes.error(node, key + " must be a host name, without spaces");
      return null;
    }
    return text;
  }

  private Duration positive(Duration d, Node node, String key) {
    if (d != null && d.isZero()) {
      nodes.error(node, key + " must be longer than 0");
      return null;
    }
    return d;
  }

  private static <T> void set(T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }
}
