package dev.smtpmock.junit;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Finds the {@code @RegisterExtension SmtpMockExtension} field of a test, if any.
 *
 * <p>{@code @SmtpMock} and {@code @InjectSmtpMock} register an unconfigured instance through
 * {@code @ExtendWith}; a field registers a configured one. Two instances that both resolved {@code
 * SmtpMockServer} would make JUnit report competing parameter resolvers, so the unconfigured one
 * steps aside wherever a field exists. The fields are found by reflection rather than by
 * remembering which instance ran first: the extension keeps no state of its own.
 */
final class Registrations {
  private Registrations() {}

  /**
   * The class context whose class declares or inherits the field, searching {@code context}'s class
   * and its enclosing classes.
   *
   * @throws ExtensionConfigurationException when there is more than one such field
   */
  static Optional<ExtensionContext> programmaticScope(ExtensionContext context) {
    ExtensionContext scope = null;
    int count = 0;
    StringBuilder names = new StringBuilder();
    for (ExtensionContext c : ContextChain.classContexts(context)) {
      List<Field> fields =
          ReflectionSupport.findFields(
              c.getRequiredTestClass(),
              Registrations::isRegistration,
              HierarchyTraversalMode.TOP_DOWN);
      for (Field field : fields) {
        names
            .append(count++ == 0 ? "" : ", ")
            .append(field.getDeclaringClass().getName())
            .append('.')
            .append(field.getName());
      }
      if (!fields.isEmpty() && scope == null) {
        scope = c;
      }
    }
    if (count > 1) {
      throw new ExtensionConfigurationException(
          "one @RegisterExtension SmtpMockExtension per test class (with its enclosing classes),"
              + " found "
              + count
              + ": "
              + names);
    }
    return Optional.ofNullable(scope);
  }

  /**
   * Whether another framework supplies the server here ({@link SuppliesSmtpMock}).
   *
   * @throws ExtensionConfigurationException when a {@code @SmtpMock} asks for a server too
   */
  static boolean suppliedElsewhere(ExtensionContext context) {
    List<ExtensionContext> classes = ContextChain.classContexts(context);
    Optional<Class<?>> supplied =
        classes.stream()
            .<Class<?>>map(ExtensionContext::getRequiredTestClass)
            .filter(type -> AnnotationSupport.isAnnotated(type, SuppliesSmtpMock.class))
            .findFirst();
    if (supplied.isEmpty()) {
      return false;
    }
    boolean smtpMock =
        context
                .getTestMethod()
                .filter(m -> AnnotationSupport.isAnnotated(m, SmtpMock.class))
                .isPresent()
            || classes.stream()
                .anyMatch(
                    c -> AnnotationSupport.isAnnotated(c.getRequiredTestClass(), SmtpMock.class));
    if (smtpMock) {
      throw new ExtensionConfigurationException(
          supplied.get().getName()
              + " gets its SmtpMockServer from an annotation marked @SuppliesSmtpMock (such as"
              + " @EnableSmtpMock), so @SmtpMock would be ignored: keep one of them");
    }
    return true;
  }

  private static boolean isRegistration(Field field) {
    return AnnotationSupport.isAnnotated(field, RegisterExtension.class)
        && SmtpMockExtension.class.isAssignableFrom(field.getType());
  }
}
