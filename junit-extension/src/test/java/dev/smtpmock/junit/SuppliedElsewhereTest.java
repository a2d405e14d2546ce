package dev.smtpmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.smtpmock.SmtpMockServer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Another framework's annotation marked {@link SuppliesSmtpMock} supplies the server. */
class SuppliedElsewhereTest {

  @Test
  void theExtensionLeavesFieldsAndParametersToTheSupplier() {
    EngineExecutionResults results = TestKit.run(SuppliedSample.class);

    TestKit.assertSucceeded(results, 1);
    assertThat(TestKit.reported(results, "field untouched")).containsExactly("true");
  }

  @Test
  void smtpMockBesideTheSupplierIsAnError() {
    EngineExecutionResults results = TestKit.run(SmtpMockBesideSupplierSample.class);

    results
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(m -> m.contains("@SuppliesSmtpMock") && m.contains("keep one")))));
  }

  /** Stands for a framework annotation such as smtpmock-spring-boot's {@code @EnableSmtpMock}. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @SuppliesSmtpMock
  @ExtendWith(OwnServer.class)
  @interface SuppliedByAnotherFramework {}

  /** Resolves every {@link SmtpMockServer} parameter to a server of its own. */
  static final class OwnServer implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == SmtpMockServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      SmtpMockServer server = SmtpMockServer.start();
      context
          .getStore(ExtensionContext.Namespace.create(OwnServer.class))
          .put("server", (ExtensionContext.Store.CloseableResource) server::close);
      return server;
    }
  }

  @TestKitSample
  @SuppliedByAnotherFramework
  static class SuppliedSample {
    @InjectSmtpMock SmtpMockServer field;

    @Test
    void test(SmtpMockServer server, TestReporter reporter) {
      assertThat(server.port()).isPositive();
      reporter.publishEntry("field untouched", String.valueOf(field == null));
    }
  }

  @TestKitSample
  @SuppliedByAnotherFramework
  @SmtpMock
  static class SmtpMockBesideSupplierSample {
    @Test
    void test() {}
  }
}
