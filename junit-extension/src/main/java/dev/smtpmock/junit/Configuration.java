package dev.smtpmock.junit;

import dev.smtpmock.junit.SmtpMock.Lifecycle;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The configuration that applies to one context: the builder's (if the extension came from one),
 * then each enclosing class's and the class's {@link SmtpMock}, outermost first, then the test
 * method's.
 */
final class Configuration {
  private final Settings classSettings;
  private final Layer methodLayer;
  private final ExtensionContext classScope;

  private Configuration(Settings classSettings, Layer methodLayer, ExtensionContext classScope) {
    this.classSettings = classSettings;
    this.methodLayer = methodLayer;
    this.classScope = classScope;
  }

  /**
   * Empty when nothing configures a server here: the extension is registered (e.g. by a bare
   * {@code @ExtendWith}) but there is neither {@code @SmtpMock} nor a builder.
   *
   * @param programmatic the builder's layer, or null for the instance {@code @ExtendWith} made
   */
  static Optional<Configuration> of(ExtensionContext context, Layer programmatic) {
    List<ExtensionContext> classes = ContextChain.classContexts(context);
    ExtensionContext programmaticScope =
        programmatic == null
            ? null
            : Registrations.programmaticScope(context)
                .orElse(classes.isEmpty() ? null : classes.get(classes.size() - 1));
    Settings settings = Settings.DEFAULTS;
    ExtensionContext scope = null;
    for (int i = classes.size() - 1; i >= 0; i--) {
      ExtensionContext c = classes.get(i);
      if (c == programmaticScope) {
        settings = settings.with(programmatic);
        scope = c;
      }
      Class<?> type = c.getRequiredTestClass();
      Optional<SmtpMock> annotation = AnnotationSupport.findAnnotation(type, SmtpMock.class);
      if (annotation.isPresent()) {
        settings = settings.with(Layer.of(annotation.get(), type));
        scope = c;
      }
    }
    Layer method = context.getTestMethod().flatMap(Configuration::methodLayer).orElse(null);
    if (scope == null && method == null) {
      return Optional.empty();
    }
    if (method != null) {
      check(settings, method);
    }
    return Optional.of(new Configuration(settings, method, scope));
  }

  private static Optional<Layer> methodLayer(Method method) {
    return AnnotationSupport.findAnnotation(method, SmtpMock.class).map(a -> Layer.of(a, method));
  }

  /** A method can change what its test's server does, not whether the class's is kept. */
  private static void check(Settings classSettings, Layer method) {
    if (method.lifecycle() == Lifecycle.PER_CLASS) {
      throw new ExtensionConfigurationException(
          method.origin()
              + " sets lifecycle = PER_CLASS: the lifecycle is chosen on the class (or by the"
              + " builder)");
    }
    if (classSettings.lifecycle() == Lifecycle.PER_CLASS
        && method.port() != 0
        && method.port() != classSettings.port()) {
      throw new ExtensionConfigurationException(
          method.origin()
              + " sets port = "
              + method.port()
              + ": under PER_CLASS the class's server is kept, on its own port");
    }
  }

  Lifecycle lifecycle() {
    return classSettings.lifecycle();
  }

  /** What the class-level server starts with. */
  Settings classSettings() {
    return classSettings;
  }

  /** What a test's own server (PER_METHOD) starts with: the class's, the method's on top. */
  Settings testSettings() {
    return methodLayer == null ? classSettings : classSettings.with(methodLayer);
  }

  /** The method's {@code @SmtpMock}, if it has one. */
  Optional<Layer> methodLayer() {
    return Optional.ofNullable(methodLayer);
  }

  /**
   * Under PER_CLASS, the class context that holds the server: the innermost one configured, so that
   * a {@code @Nested} class without its own {@code @SmtpMock} shares its enclosing class's.
   */
  ExtensionContext classScope() {
    if (classScope == null) {
      throw new IllegalStateException("no class-level configuration");
    }
    return classScope;
  }
}
