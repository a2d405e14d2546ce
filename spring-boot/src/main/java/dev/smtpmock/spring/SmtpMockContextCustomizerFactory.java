package dev.smtpmock.spring;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives a test class with {@link EnableSmtpMock} a customizer that starts its context's server
 * (registered in {@code META-INF/spring.factories}).
 */
final class SmtpMockContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    // finds it on superclasses and, for @Nested classes, on enclosing ones, as Spring finds
    // @ContextConfiguration
    EnableSmtpMock annotation =
        TestContextAnnotationUtils.findMergedAnnotation(testClass, EnableSmtpMock.class);
    if (annotation == null) {
      return null;
    }
    String origin = "@EnableSmtpMock on " + testClass.getName();
    return new SmtpMockContextCustomizer(
        ScenarioReference.of(annotation.scenario(), annotation.yaml(), origin),
        annotation.hostProperty(),
        annotation.portProperty(),
        origin);
  }
}
