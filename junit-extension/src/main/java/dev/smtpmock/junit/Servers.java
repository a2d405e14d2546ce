package dev.smtpmock.junit;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;

/**
 * Where the extension keeps what it started. A store also answers for its parents' values, so each
 * key names the context it belongs to: a {@code @Nested} class's own server must not be mistaken
 * for its enclosing class's.
 */
final class Servers {
  static final Namespace NAMESPACE = Namespace.create(SmtpMockExtension.class);

  private Servers() {}

  /** What a key stands for, and the unique id of the context that owns the value. */
  record Key(String what, String scope) {}

  /** The server of {@code scope}, started with {@code settings} if it has none yet. */
  static ServerHandle obtain(ExtensionContext scope, Settings settings) {
    return store(scope)
        .getOrComputeIfAbsent(
            key("server", scope), k -> ServerHandle.start(settings), ServerHandle.class);
  }

  /** The server of {@code scope}, if one started. */
  static Optional<ServerHandle> find(ExtensionContext scope) {
    try {
      return Optional.ofNullable(store(scope).get(key("server", scope), ServerHandle.class));
    } catch (RuntimeException e) {
      // Older Jupiters keep a start that threw as that exception and rethrow it here; it has
      // already failed the test, and no server runs.
      return Optional.empty();
    }
  }

  /** Keeps {@code value} until {@code scope} ends, when JUnit closes it. */
  static void keep(ExtensionContext scope, String what, Object value) {
    store(scope).put(key(what, scope), value);
  }

  private static Key key(String what, ExtensionContext scope) {
    return new Key(what, scope.getUniqueId());
  }

  private static Store store(ExtensionContext scope) {
    return scope.getStore(NAMESPACE);
  }
}
