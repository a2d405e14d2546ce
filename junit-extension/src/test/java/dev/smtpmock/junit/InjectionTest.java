package dev.smtpmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.smtpmock.SmtpMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class InjectionTest {

  @Test
  void testAndLifecycleMethodParametersAndFieldsGetTheTestsServer() {
    EngineExecutionResults results = TestKit.run(PerMethodInjectionSample.class);

    TestKit.assertSucceeded(results, 2);
    assertThat(TestKit.reported(results, "same server")).containsOnly("true").hasSize(4);
  }

  @Test
  void staticFieldAndBeforeAllParameterGetTheClassServerUnderPerClass() {
    EngineExecutionResults results = TestKit.run(PerClassInjectionSample.class);

    TestKit.assertSucceeded(results, 2);
    assertThat(TestKit.reported(results, "same server")).containsOnly("true").hasSize(3);
  }

  @Test
  void beforeAllParameterUnderPerMethodFailsWithParameterResolutionException() {
    EngineExecutionResults results = TestKit.run(BeforeAllUnderPerMethodSample.class);

    results
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    instanceOf(ParameterResolutionException.class),
                    message(m -> m.contains("PER_METHOD") && m.contains("PER_CLASS")))));
  }

  @Test
  void staticFieldUnderPerMethodFailsWithExtensionConfigurationException() {
    EngineExecutionResults results = TestKit.run(StaticFieldUnderPerMethodSample.class);

    results
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(m -> m.contains("static @InjectSmtpMock field")))));
  }

  @Test
  void fieldOfAnotherTypeFailsNamingTheField() {
    EngineExecutionResults results = TestKit.run(WrongFieldTypeSample.class);

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
                        m -> m.contains("WrongFieldTypeSample.smtp] has type java.lang.String")))));
  }

  @TestKitSample
  @SmtpMock
  static class PerMethodInjectionSample {
    @InjectSmtpMock SmtpMockServer field;
    SmtpMockServer fromBeforeEach;

    @BeforeEach
    void setUp(SmtpMockServer smtp) {
      assertThat(field).isSameAs(smtp);
      fromBeforeEach = smtp;
    }

    @Test
    void first(SmtpMockServer smtp, TestReporter reporter) {
      reporter.publishEntry("same server", String.valueOf(smtp == field && smtp == fromBeforeEach));
    }

    @Test
    void second(SmtpMockServer smtp, TestReporter reporter) {
      reporter.publishEntry("same server", String.valueOf(smtp == field && smtp == fromBeforeEach));
    }

    @AfterEach
    void tearDown(SmtpMockServer smtp, TestReporter reporter) {
      reporter.publishEntry("same server", String.valueOf(smtp == field));
    }
  }

  @TestKitSample
  @SmtpMock(lifecycle = SmtpMock.Lifecycle.PER_CLASS)
  static class PerClassInjectionSample {
    @InjectSmtpMock static SmtpMockServer shared;
    static SmtpMockServer fromBeforeAll;

    @BeforeAll
    static void setUpClass(SmtpMockServer smtp) {
      assertThat(shared).isSameAs(smtp);
      fromBeforeAll = smtp;
    }

    @Test
    void first(SmtpMockServer smtp, TestReporter reporter) {
      reporter.publishEntry("same server", String.valueOf(smtp == shared && smtp == fromBeforeAll));
    }

    @Test
    void second(SmtpMockServer smtp, TestReporter reporter) {
      reporter.publishEntry("same server", String.valueOf(smtp == shared && smtp == fromBeforeAll));
    }

    @AfterEach
    void tearDown(SmtpMockServer smtp, TestReporter reporter) {
      if (smtp != shared) {
        reporter.publishEntry("same server", "false");
      }
    }

    @org.junit.jupiter.api.AfterAll
    static void tearDownClass(SmtpMockServer smtp, TestReporter reporter) {
      reporter.publishEntry("same server", String.valueOf(smtp == shared));
    }
  }

  @TestKitSample
  @SmtpMock
  static class BeforeAllUnderPerMethodSample {
    @BeforeAll
    static void setUpClass(SmtpMockServer smtp) {}

    @Test
    void test() {}
  }

  @TestKitSample
  @SmtpMock
  static class StaticFieldUnderPerMethodSample {
    @InjectSmtpMock static SmtpMockServer smtp;

    @Test
    void test() {}
  }

  @TestKitSample
  @SmtpMock
  static class WrongFieldTypeSample {
    @InjectSmtpMock String smtp;

    @Test
    void test() {}
  }
}
