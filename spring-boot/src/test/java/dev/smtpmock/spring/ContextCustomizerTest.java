package dev.smtpmock.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpmock.SmtpMockServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;

/** What the customizer of a context does, without Spring's test framework around it. */
class ContextCustomizerTest {
  private final SmtpMockContextCustomizerFactory factory = new SmtpMockContextCustomizerFactory();

  @EnableSmtpMock(scenario = "greylisting")
  static class Greylisting {}

  @EnableSmtpMock(scenario = "greylisting")
  static class AlsoGreylisting {}

  static class InheritsGreylisting extends Greylisting {}

  @EnableSmtpMock(scenario = "greylisting", portProperty = "app.smtp.port")
  static class OtherPortProperty {}

  @EnableSmtpMock
  static class Default {}

  @EnableSmtpMock(scenario = "default")
  static class NamedDefault {}

  @EnableSmtpMock(scenario = "greylisting", yaml = "rules: []")
  static class Both {}

  static class NotAnnotated {}

  @Test
  void theSameConfigurationMakesEqualCustomizersSoOneCachedContext() {
    assertThat(customizer(Greylisting.class))
        .isEqualTo(customizer(AlsoGreylisting.class))
        .hasSameHashCodeAs(customizer(AlsoGreylisting.class))
        .isEqualTo(customizer(InheritsGreylisting.class))
        .isNotEqualTo(customizer(OtherPortProperty.class))
        .isNotEqualTo(customizer(Default.class));
    assertThat(customizer(Default.class)).isEqualTo(customizer(NamedDefault.class));
  }

  @Test
  void aClassWithoutTheAnnotationGetsNoCustomizer() {
    assertThat(customizer(NotAnnotated.class)).isNull();
  }

  @Test
  void bothScenarioAndYamlAreRefusedNamingTheClass() {
    assertThatThrownBy(() -> customizer(Both.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(Both.class.getName())
        .hasMessageContaining("give one");
  }

  @Test
  void theServerIsABeanAndClosesWithItsContext() throws IOException {
    SmtpMockServer server;
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      customizer(OtherPortProperty.class).customizeContext(context, null);
      context.refresh();
      server = context.getBean(SmtpMockServer.class);

      assertThat(server.scenario().name()).isEqualTo("greylisting");
      assertThat(context.getEnvironment().getProperty("spring.mail.host")).isEqualTo(server.host());
      assertThat(context.getEnvironment().getProperty("app.smtp.port", Integer.class))
          .isEqualTo(server.port());
      assertThat(context.getEnvironment().getProperty("spring.mail.port")).isNull();
      try (Socket socket = new Socket(server.host(), server.port())) {
        assertThat(socket.isConnected()).isTrue();
      }
    }
    assertThatThrownBy(() -> new Socket(server.host(), server.port()).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void aContextWhoseRefreshFailsClosesItsServerToo() {
    GenericApplicationContext context = new GenericApplicationContext();
    customizer(Default.class).customizeContext(context, null);
    SmtpMockServer server = context.getBeanFactory().getBean(SmtpMockServer.class);
    context.registerBean(
        "broken",
        Object.class,
        () -> {
          throw new IllegalStateException("broken on purpose");
        });

    assertThatThrownBy(context::refresh).hasStackTraceContaining("broken on purpose");
    assertThatThrownBy(() -> new Socket(server.host(), server.port()).close())
        .isInstanceOf(ConnectException.class);
  }

  private ContextCustomizer customizer(Class<?> testClass) {
    return factory.createContextCustomizer(testClass, List.of());
  }
}
