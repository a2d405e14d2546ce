package dev.smtpmock.spring;

import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Adds {@code spring.mail.host} and {@code spring.mail.port} of the {@link
 * SmtpMockConnectionDetails} to the Environment, ahead of the application's own.
 *
 * <p>Why an import selector that imports nothing: Boot's mail auto-configuration is conditional on
 * {@code spring.mail.host}, and that condition is evaluated while the configuration classes are
 * parsed, before any {@code @Bean} method or bean post-processor runs. Spring parses the
 * auto-configurations in order and runs an import selector as it parses the class that imports it,
 * so this one runs just before Boot's mail auto-configuration is parsed. By then the connection
 * details of {@code @ServiceConnection} fields are bean definitions (Boot registers them before the
 * context refreshes).
 */
final class MailPropertiesFromConnectionDetails implements ImportSelector {
  private static final String PROPERTY_SOURCE = "smtpmockServiceConnection";

  private final ListableBeanFactory beans;
  private final ConfigurableEnvironment environment;

  /**
   * Spring passes both to the constructor of an import selector, declared with exactly these types;
   * an application context's are a listable factory and a configurable environment.
   */
  MailPropertiesFromConnectionDetails(BeanFactory beans, Environment environment) {
    this.beans = (ListableBeanFactory) beans;
    this.environment = (ConfigurableEnvironment) environment;
  }

  @Override
  public String[] selectImports(AnnotationMetadata importingClassMetadata) {
    String[] names = beans.getBeanNamesForType(SmtpMockConnectionDetails.class, true, false);
    if (names.length > 1) {
      throw new IllegalStateException(
          "Spring Boot's mail settings can point at one smtpmock server, but there are "
              + names.length
              + " SmtpMockConnectionDetails beans: "
              + String.join(", ", names)
              + ". Keep @ServiceConnection on one SmtpMockContainer.");
    }
    if (names.length == 1 && !environment.getPropertySources().contains(PROPERTY_SOURCE)) {
      SmtpMockConnectionDetails details = beans.getBean(names[0], SmtpMockConnectionDetails.class);
      environment
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  PROPERTY_SOURCE,
                  Map.of(
                      "spring.mail.host", details.getHost(),
                      "spring.mail.port", details.getPort())));
    }
    return new String[0];
  }
}
