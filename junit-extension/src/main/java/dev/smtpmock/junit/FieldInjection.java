package dev.smtpmock.junit;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.junit.SmtpMock.Lifecycle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/** Sets {@link InjectSmtpMock} fields. */
final class FieldInjection {
  private FieldInjection() {}

  /**
   * Sets the static fields of {@code testClass} (and its superclasses). A static field outlives a
   * test, so it only makes sense for the class's shared server.
   */
  static void injectStatic(Class<?> testClass, SmtpMockServer server, Lifecycle lifecycle) {
    for (Field field : fields(testClass, true)) {
      if (lifecycle != Lifecycle.PER_CLASS) {
        throw new ExtensionConfigurationException(
            "static @InjectSmtpMock field ["
                + name(field)
                + "] needs @SmtpMock(lifecycle = PER_CLASS): under PER_METHOD each test has its own"
                + " server; make the field non-static");
      }
      set(field, null, server);
    }
  }

  /** Sets the instance fields of the test instance and, for {@code @Nested}, its enclosing ones. */
  static void injectInstances(ExtensionContext context, SmtpMockServer server) {
    context
        .getTestInstances()
        .ifPresent(
            instances -> {
              for (Object instance : instances.getAllInstances()) {
                for (Field field : fields(instance.getClass(), false)) {
                  set(field, instance, server);
                }
              }
            });
  }

  /** Fails when a field waits for a server that nothing configures. */
  static void requireNone(ExtensionContext context) {
    ContextChain.classContexts(context).stream()
        .flatMap(c -> fields(c.getRequiredTestClass(), null).stream())
        .findFirst()
        .ifPresent(
            field -> {
              throw new ExtensionConfigurationException(
                  "@InjectSmtpMock field ["
                      + name(field)
                      + "] "
                      + SmtpMockExtension.NOT_CONFIGURED);
            });
  }

  /** The annotated fields; {@code statics} null for both kinds. */
  private static List<Field> fields(Class<?> type, Boolean statics) {
    return ReflectionSupport.findFields(
        type,
        f ->
            AnnotationSupport.isAnnotated(f, InjectSmtpMock.class)
                && (statics == null || Modifier.isStatic(f.getModifiers()) == statics),
        HierarchyTraversalMode.TOP_DOWN);
  }

  private static void set(Field field, Object target, SmtpMockServer server) {
    if (!field.getType().isAssignableFrom(SmtpMockServer.class)) {
      throw new ExtensionConfigurationException(
          "@InjectSmtpMock field ["
              + name(field)
              + "] has type "
              + field.getType().getName()
              + "; it must be a SmtpMockServer");
    }
    if (Modifier.isFinal(field.getModifiers())) {
      throw new ExtensionConfigurationException(
          "@InjectSmtpMock field [" + name(field) + "] must not be final");
    }
    try {
      field.setAccessible(true);
      field.set(target, server);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ExtensionConfigurationException(
          "cannot set @InjectSmtpMock field [" + name(field) + "]: " + e, e);
    }
  }

  private static String name(Field field) {
    return field.getDeclaringClass().getName() + "." + field.getName();
  }
}
