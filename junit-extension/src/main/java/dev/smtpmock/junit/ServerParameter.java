package dev.smtpmock.junit;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.junit.SmtpMock.Lifecycle;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.commons.support.AnnotationSupport;

/** Which server a {@link SmtpMockServer} parameter gets (SPEC 5). */
final class ServerParameter {
  private ServerParameter() {}

  static boolean supports(ParameterContext parameter) {
    return parameter.getParameter().getType() == SmtpMockServer.class;
  }

  /**
   * The test's server for a test, {@code @BeforeEach} or {@code @AfterEach} parameter; the class's
   * server for a {@code @BeforeAll}, {@code @AfterAll} or constructor parameter, which exists only
   * under PER_CLASS.
   */
  static SmtpMockServer resolve(
      ParameterContext parameter, ExtensionContext context, Layer programmatic) {
    Configuration configuration =
        Configuration.of(context, programmatic)
            .orElseThrow(
                () ->
                    new ParameterResolutionException(
                        describe(parameter) + " " + SmtpMockExtension.NOT_CONFIGURED));
    boolean classLevel = isClassLevel(parameter.getDeclaringExecutable());
    if (configuration.lifecycle() == Lifecycle.PER_CLASS) {
      return Servers.obtain(configuration.classScope(), configuration.classSettings()).server();
    }
    if (classLevel || context.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException(
          describe(parameter)
              + " cannot be resolved: under @SmtpMock(lifecycle = PER_METHOD) each test gets its"
              + " own server, so there is none for the class; use @SmtpMock(lifecycle ="
              + " PER_CLASS) to share one server across the class's tests");
    }
    return Servers.obtain(context, configuration.testSettings()).server();
  }

  private static boolean isClassLevel(Executable executable) {
    return executable instanceof Constructor
        || AnnotationSupport.isAnnotated(executable, BeforeAll.class)
        || AnnotationSupport.isAnnotated(executable, AfterAll.class);
  }

  /** As JUnit names parameters in its own messages. */
  private static String describe(ParameterContext parameter) {
    Executable executable = parameter.getDeclaringExecutable();
    String kind = executable instanceof Constructor ? "constructor" : "method";
    return "Parameter ["
        + parameter.getParameter()
        + "] in "
        + kind
        + " ["
        + executable.toGenericString()
        + "]";
  }
}
