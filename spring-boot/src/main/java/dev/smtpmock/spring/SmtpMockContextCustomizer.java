package dev.smtpmock.spring;

import dev.smtpmock.SmtpMockServer;
import java.util.Objects;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts the server of one application context before it refreshes. Its {@code equals} and {@code
 * hashCode} are those of the configuration, which is part of Spring's context cache key: test
 * classes configured alike share a context, and so a server.
 */
final class SmtpMockContextCustomizer implements ContextCustomizer {
  /** The server's bean name. */
  static final String BEAN_NAME = "smtpMockServer";

  private final ScenarioReference scenario;
  private final String hostProperty;
  private final String portProperty;

  /** The first test class with this configuration, for messages; not part of the key. */
  private final String origin;

  SmtpMockContextCustomizer(
      ScenarioReference scenario, String hostProperty, String portProperty, String origin) {
    this.scenario = scenario;
    this.hostProperty = hostProperty;
    this.portProperty = portProperty;
    this.origin = origin;
  }

  @Override
  public void customizeContext(
      ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
    SmtpMockServer server = SmtpMockServer.start(scenario.load(origin));
    // a singleton registered as disposable is closed with the context, and also when its refresh
    // fails, before any bean would have been created. (Every context Spring's test framework makes
    // is a GenericApplicationContext, whose factory this is.)
    DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
    beans.registerSingleton(BEAN_NAME, server);
    beans.registerDisposableBean(BEAN_NAME, server::close);
    SmtpMockProperties.addFirst(
        context.getEnvironment(), "smtpmock " + server, server, hostProperty, portProperty);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SmtpMockContextCustomizer that
        && scenario.equals(that.scenario)
        && hostProperty.equals(that.hostProperty)
        && portProperty.equals(that.portProperty);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scenario, hostProperty, portProperty);
  }
}
