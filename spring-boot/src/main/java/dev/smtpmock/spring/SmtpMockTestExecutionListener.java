package dev.smtpmock.spring;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.junit.InjectSmtpMock;
import dev.smtpmock.scenario.Scenario;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;
import org.springframework.util.ReflectionUtils;

/**
 * Sets {@link InjectSmtpMock} fields, resets the server before each test method, and applies a
 * method's {@link SmtpMockScenario} (registered in {@code META-INF/spring.factories}).
 */
final class SmtpMockTestExecutionListener extends AbstractTestExecutionListener {
  /** The class's scenario while a method's is in force. */
  private static final String SWAPPED =
      SmtpMockTestExecutionListener.class.getName() + ".classScenario";

  /** Before Spring's dependency injection (2000), so that fields are set when it runs. */
  @Override
  public int getOrder() {
    return 1900;
  }

  @Override
  public void prepareTestInstance(TestContext testContext) {
    if (!enabled(testContext)) {
      return;
    }
    SmtpMockServer server = server(testContext);
    Object instance = testContext.getTestInstance();
    ReflectionUtils.doWithFields(
        instance.getClass(),
        field -> set(field, instance, server),
        field -> field.isAnnotationPresent(InjectSmtpMock.class));
  }

  /**
   * Runs before the test's {@code @BeforeEach} methods, so that what they send is kept for the
   * test.
   */
  @Override
  public void beforeTestMethod(TestContext testContext) {
    if (!enabled(testContext)) {
      return;
    }
    SmtpMockServer server = server(testContext);
    server.reset();
    Method method = testContext.getTestMethod();
    SmtpMockScenario annotation =
        AnnotatedElementUtils.findMergedAnnotation(method, SmtpMockScenario.class);
    if (annotation != null) {
      String origin = "@SmtpMockScenario on " + method.toGenericString();
      Scenario scenario =
          ScenarioReference.of(annotation.name(), annotation.yaml(), origin).load(origin);
      testContext.setAttribute(SWAPPED, server.scenario());
      server.scenario(scenario);
    }
  }

  @Override
  public void afterTestMethod(TestContext testContext) {
    Object classScenario = testContext.removeAttribute(SWAPPED);
    if (classScenario != null) {
      server(testContext).scenario((Scenario) classScenario);
    }
  }

  private static boolean enabled(TestContext testContext) {
    return TestContextAnnotationUtils.hasAnnotation(
        testContext.getTestClass(), EnableSmtpMock.class);
  }

  private static SmtpMockServer server(TestContext testContext) {
    return testContext
        .getApplicationContext()
        .getBean(SmtpMockContextCustomizer.BEAN_NAME, SmtpMockServer.class);
  }

  private static void set(Field field, Object instance, SmtpMockServer server) {
    String name = field.getDeclaringClass().getName() + "." + field.getName();
    if (!field.getType().isAssignableFrom(SmtpMockServer.class)) {
      throw new IllegalStateException(
          "@InjectSmtpMock field [" + name + "] must be a SmtpMockServer");
    }
    if (Modifier.isFinal(field.getModifiers())) {
      throw new IllegalStateException("@InjectSmtpMock field [" + name + "] must not be final");
    }
    ReflectionUtils.makeAccessible(field);
    ReflectionUtils.setField(
        field, Modifier.isStatic(field.getModifiers()) ? null : instance, server);
  }
}
