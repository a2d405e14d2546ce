package dev.smtpmock.junit;

import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.smtpmock.SmtpMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The two messages the README shows. */
class ErrorMessagesTest {

  @Test
  void registeredButUnconfiguredGivesOurMessage() {
    EngineExecutionResults results = TestKit.run(UnconfiguredSample.class);

    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("sends"),
                finishedWithFailure(
                    instanceOf(ParameterResolutionException.class),
                    message(
                        m ->
                            m.startsWith("Parameter [dev.smtpmock.SmtpMockServer ")
                                && m.contains(
                                    "] in method [void dev.smtpmock.junit.ErrorMessagesTest"
                                        + "$UnconfiguredSample.sends(dev.smtpmock.SmtpMockServer)]"
                                        + " requires @SmtpMock on the class or method, or"
                                        + " @RegisterExtension SmtpMockExtension")))));
  }

  @Test
  void unconfiguredFieldGivesOurMessage() {
    EngineExecutionResults results = TestKit.run(UnconfiguredFieldSample.class);

    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("sends"),
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(
                        m ->
                            m.contains("UnconfiguredFieldSample.smtp]")
                                && m.endsWith(
                                    "requires @SmtpMock on the class or method, or"
                                        + " @RegisterExtension SmtpMockExtension")))));
  }

  @Test
  void notRegisteredGivesJUnitsMessage() {
    EngineExecutionResults results = TestKit.run(NotRegisteredSample.class);

    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("sends"),
                finishedWithFailure(
                    instanceOf(ParameterResolutionException.class),
                    message(m -> m.startsWith("No ParameterResolver registered for parameter")))));
  }

  @TestKitSample
  @ExtendWith(SmtpMockExtension.class)
  static class UnconfiguredSample {
    @Test
    void sends(SmtpMockServer smtp) {}

    @Test
    void doesNotAskForAServer() {}
  }

  @TestKitSample
  static class UnconfiguredFieldSample {
    @InjectSmtpMock SmtpMockServer smtp;

    @Test
    void sends() {}
  }

  @TestKitSample
  static class NotRegisteredSample {
    @Test
    void sends(SmtpMockServer smtp) {}
  }
}
