package dev.smtpmock.junit;

import static dev.smtpmock.junit.ScenarioSelectionTest.DEFER_RCPT;
import static dev.smtpmock.junit.ScenarioSelectionTest.REFUSE_RCPT;
import static dev.smtpmock.junit.ScenarioSelectionTest.rcptReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Rule;
import dev.smtpmock.scenario.Scenario;
import dev.smtpmock.scenario.Scope;
import dev.smtpmock.testing.Reply;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class RegisterExtensionTest {

  @Test
  void scenarioBuiltInJavaApplies() {
    TestKit.assertSucceeded(TestKit.run(JavaScenarioSample.class), 1);
  }

  @Test
  void perClassBuilderKeepsItsServerAndMethodAnnotationsStillApply() {
    EngineExecutionResults results = TestKit.run(PerClassBuilderSample.class);

    TestKit.assertSucceeded(results, 3);
    List<String> ports = TestKit.reported(results, "port");
    assertThat(ports).hasSize(3).containsOnly(ports.get(0));
  }

  @Test
  void referenceAndPropertiesFromTheBuilder() {
    TestKit.assertSucceeded(TestKit.run(ReferenceSample.class), 1);
    assertThat(System.getProperty(ReferenceSample.PORT)).isNull();
  }

  @Test
  void classAnnotationNextToARegisteredExtensionDoesNotCompete() {
    TestKit.assertSucceeded(TestKit.run(AnnotatedAndRegisteredSample.class), 1);
  }

  @Test
  void instanceFieldRegistrationWorksPerMethod() {
    EngineExecutionResults results = TestKit.run(InstanceFieldSample.class);

    TestKit.assertSucceeded(results, 2);
    assertThat(TestKit.reported(results, "server")).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void twoRegisteredExtensionsFail() {
    TestKit.run(TwoRegisteredSample.class)
        .allEvents()
        .assertThatEvents()
        .haveAtLeastOne(
            event(
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(m -> m.contains("one @RegisterExtension SmtpMockExtension")))));
  }

  @Test
  void builderTakesOneScenarioSource() {
    assertThatThrownBy(() -> SmtpMockExtension.builder().yaml(REFUSE_RCPT).scenarioRef("default"))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("give one of");
  }

  @TestKitSample
  static class JavaScenarioSample {
    @RegisterExtension
    static SmtpMockExtension smtp =
        SmtpMockExtension.builder()
            .scenario(
                Scenario.builder()
                    .rule(
                        Rule.when(Event.RCPT)
                            .nth(2)
                            .per(Scope.TRANSACTION)
                            .reply("452 4.5.3 Too many recipients"))
                    .build())
            .build();

    @Test
    void secondRecipientIsRefused(SmtpMockServer smtp) {
      List<Reply> replies =
          SampleMail.send(
              smtp, "sender@example.test", "a@example.test", "b@example.test", "c@example.test");
      assertThat(replies.get(2).text()).startsWith("250");
      assertThat(replies.get(3).text()).startsWith("452 4.5.3 Too many recipients");
      assertThat(replies.get(4).text()).startsWith("250");
      assertThat(smtp.messages())
          .singleElement()
          .satisfies(
              m ->
                  assertThat(m.recipientAddresses())
                      .containsExactly("a@example.test", "c@example.test"));
    }
  }

  @TestKitSample
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerClassBuilderSample {
    @RegisterExtension
    static SmtpMockExtension smtp =
        SmtpMockExtension.builder()
            .yaml(REFUSE_RCPT)
            .lifecycle(SmtpMock.Lifecycle.PER_CLASS)
            .build();

    @Test
    @Order(1)
    void builderScenario(SmtpMockServer smtp, TestReporter reporter) {
      reporter.publishEntry("port", String.valueOf(smtp.port()));
      assertThat(rcptReply(smtp)).startsWith("550");
    }

    @Test
    @Order(2)
    @SmtpMock(yaml = DEFER_RCPT)
    void methodScenario(SmtpMockServer smtp, TestReporter reporter) {
      reporter.publishEntry("port", String.valueOf(smtp.port()));
      assertThat(rcptReply(smtp)).startsWith("451");
    }

    @Test
    @Order(3)
    void restored(SmtpMockServer smtp, TestReporter reporter) {
      reporter.publishEntry("port", String.valueOf(smtp.port()));
      assertThat(rcptReply(smtp)).startsWith("550");
    }
  }

  @TestKitSample
  static class ReferenceSample {
    static final String PORT = "smtpmock.test.builder.port";

    @RegisterExtension
    static SmtpMockExtension smtp =
        SmtpMockExtension.builder()
            .scenarioRef("classpath:scenarios/refuse-rcpt.yaml")
            .portProperty(PORT)
            .build();

    @Test
    void test(SmtpMockServer smtp) {
      assertThat(System.getProperty(PORT)).isEqualTo(String.valueOf(smtp.port()));
      assertThat(rcptReply(smtp)).startsWith("550");
    }
  }

  @TestKitSample
  @SmtpMock(yaml = DEFER_RCPT)
  static class AnnotatedAndRegisteredSample {
    @RegisterExtension
    static SmtpMockExtension smtp = SmtpMockExtension.builder().yaml(REFUSE_RCPT).build();

    @Test
    void classAnnotationLiesOnTopOfTheBuilder(SmtpMockServer smtp) {
      assertThat(rcptReply(smtp)).startsWith("451");
    }
  }

  @TestKitSample
  static class InstanceFieldSample {
    @RegisterExtension
    SmtpMockExtension smtp = SmtpMockExtension.builder().yaml(REFUSE_RCPT).build();

    @Test
    void first(SmtpMockServer smtp, TestReporter reporter) {
      LifecycleTest.report(smtp, reporter);
      assertThat(rcptReply(smtp)).startsWith("550");
    }

    @Test
    void second(SmtpMockServer smtp, TestReporter reporter) {
      LifecycleTest.report(smtp, reporter);
    }
  }

  @TestKitSample
  static class TwoRegisteredSample {
    @RegisterExtension static SmtpMockExtension one = SmtpMockExtension.builder().build();
    @RegisterExtension static SmtpMockExtension two = SmtpMockExtension.builder().build();

    @Test
    void test(SmtpMockServer smtp) {}
  }
}
