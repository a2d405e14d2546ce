package dev.smtpmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.testing.SmtpDialogue;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class ScenarioSelectionTest {

  @Test
  void methodAnnotationReplacesTheClassScenarioForThatMethodOnly() {
    EngineExecutionResults results = TestKit.run(MethodOverrideSample.class);

    TestKit.assertSucceeded(results, 3);
  }

  @Test
  void perClassSwapsTheScenarioForTheMethodAndRestoresItOnTheSamePort() {
    EngineExecutionResults results = TestKit.run(PerClassOverrideSample.class);

    TestKit.assertSucceeded(results, 3);
    assertThat(TestKit.reported(results, "port"))
        .hasSize(3)
        .containsOnly(TestKit.reported(results, "port").get(0));
  }

  @Test
  void scenarioIsResolvedFromTheClassPathOrAFile() {
    EngineExecutionResults results = TestKit.run(ReferenceSample.class);

    TestKit.assertSucceeded(results, 2);
  }

  @Test
  void neitherScenarioNorYamlRunsThePlainDefault() {
    EngineExecutionResults results = TestKit.run(DefaultSample.class);

    TestKit.assertSucceeded(results, 1);
    assertThat(TestKit.reported(results, "scenario")).containsExactly("default");
  }

  @Test
  void bothScenarioAndYamlFailWithExtensionConfigurationException() {
    EngineExecutionResults results = TestKit.run(BothSample.class);

    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("test"),
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(
                        m ->
                            m.contains("BothSample.test()")
                                && m.contains("gives both scenario and yaml")))));
  }

  @Test
  void invalidYamlFailsNamingTheElementAndTheProblemPosition() {
    EngineExecutionResults results = TestKit.run(InvalidYamlSample.class);

    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("test"),
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(
                        m ->
                            m.contains("@SmtpMock(yaml) on method")
                                && m.contains("InvalidYamlSample.test:")
                                && m.contains("replay")))));
  }

  @Test
  void invalidClassScenarioUnderPerClassFailsTheClassOnce() {
    EngineExecutionResults results = TestKit.run(InvalidPerClassSample.class);

    results
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(m -> m.contains("InvalidPerClassSample:3:")))));
    Throwable failure =
        results.containerEvents().failed().stream()
            .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
            .findFirst()
            .orElseThrow();
    assertThat(failure.getSuppressed()).isEmpty();
  }

  @Test
  void invalidMethodScenarioIsReportedOnce() {
    EngineExecutionResults results = TestKit.run(InvalidYamlSample.class);

    Throwable failure =
        results.testEvents().failed().stream()
            .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
            .findFirst()
            .orElseThrow();
    assertThat(failure.getSuppressed()).isEmpty();
  }

  @Test
  void methodCannotChooseTheLifecycleOrMoveASharedServer() {
    EngineExecutionResults results = TestKit.run(MethodLifecycleSample.class);

    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("lifecycle"),
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(m -> m.contains("the lifecycle is chosen on the class")))))
        .haveExactly(
            1,
            event(
                test("port"),
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(m -> m.contains("under PER_CLASS the class's server is kept")))));
  }

  static final String REFUSE_RCPT =
      """
      rules:
        - when: rcpt
          reply: 550 5.1.1 No such user
      """;

  static final String DEFER_RCPT =
      """
      rules:
        - when: rcpt
          reply: 451 4.7.1 Try again later
      """;

  /** The reply to the first RCPT of a fresh connection. */
  static String rcptReply(SmtpMockServer smtp) {
    try (SmtpDialogue client = SmtpDialogue.connect(smtp.port())) {
      client.reply();
      client.command("EHLO client.test");
      client.command("MAIL FROM:<a@example.test>");
      return client.command("RCPT TO:<b@example.test>").text();
    }
  }

  @TestKitSample
  @SmtpMock(yaml = REFUSE_RCPT)
  static class MethodOverrideSample {
    @Test
    void classScenario(SmtpMockServer smtp) {
      assertThat(rcptReply(smtp)).startsWith("550 5.1.1");
    }

    @Test
    @SmtpMock(yaml = DEFER_RCPT)
    void methodScenario(SmtpMockServer smtp) {
      assertThat(rcptReply(smtp)).startsWith("451 4.7.1");
    }

    @Test
    @SmtpMock(scenario = "classpath:scenarios/refuse-rcpt.yaml")
    void methodReference(SmtpMockServer smtp) {
      assertThat(smtp.scenario().name()).isEqualTo("refuse-rcpt");
    }
  }

  @TestKitSample
  @SmtpMock(yaml = REFUSE_RCPT, lifecycle = SmtpMock.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerClassOverrideSample {
    @Test
    @Order(1)
    void before(SmtpMockServer smtp, TestReporter reporter) {
      reporter.publishEntry("port", String.valueOf(smtp.port()));
      assertThat(rcptReply(smtp)).startsWith("550 5.1.1");
    }

    @Test
    @Order(2)
    @SmtpMock(yaml = DEFER_RCPT)
    void swapped(SmtpMockServer smtp, TestReporter reporter) {
      reporter.publishEntry("port", String.valueOf(smtp.port()));
      assertThat(rcptReply(smtp)).startsWith("451 4.7.1");
    }

    @Test
    @Order(3)
    void restored(SmtpMockServer smtp, TestReporter reporter) {
      reporter.publishEntry("port", String.valueOf(smtp.port()));
      assertThat(rcptReply(smtp)).startsWith("550 5.1.1");
    }
  }

  @TestKitSample
  static class ReferenceSample {
    @Test
    @SmtpMock(scenario = "classpath:scenarios/refuse-rcpt.yaml")
    void classPath(SmtpMockServer smtp) {
      assertThat(rcptReply(smtp)).startsWith("550 5.1.1");
    }

    @Test
    @SmtpMock(scenario = "src/test/resources/scenarios/refuse-rcpt.yaml")
    void file(SmtpMockServer smtp) {
      assertThat(rcptReply(smtp)).startsWith("550 5.1.1");
    }
  }

  @TestKitSample
  @SmtpMock
  static class DefaultSample {
    @Test
    void test(SmtpMockServer smtp, TestReporter reporter) {
      reporter.publishEntry("scenario", smtp.scenario().name());
      assertThat(smtp.scenario().rules()).isEmpty();
      assertThat(rcptReply(smtp)).startsWith("250 2.1.5");
    }
  }

  @TestKitSample
  static class BothSample {
    @Test
    @SmtpMock(scenario = "default", yaml = REFUSE_RCPT)
    void test(SmtpMockServer smtp) {}
  }

  @TestKitSample
  static class InvalidYamlSample {
    @Test
    @SmtpMock(
        yaml =
            """
            rules:
              - when: rcpt
                replay: 550 5.1.1 No such user
            """)
    void test(SmtpMockServer smtp) {}
  }

  @TestKitSample
  @SmtpMock(
      lifecycle = SmtpMock.Lifecycle.PER_CLASS,
      yaml =
          """
          rules:
            - when: rcpt
              reply: 999 No such code
          """)
  static class InvalidPerClassSample {
    @Test
    void test(SmtpMockServer smtp) {}
  }

  @TestKitSample
  @SmtpMock(lifecycle = SmtpMock.Lifecycle.PER_CLASS)
  static class MethodLifecycleSample {
    @Test
    @SmtpMock(lifecycle = SmtpMock.Lifecycle.PER_CLASS)
    void lifecycle() {}

    @Test
    @SmtpMock(port = 1)
    void port() {}
  }
}
