package dev.smtpmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.SmtpMockServer;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class TemplatesTest {

  @Test
  void eachInvocationGetsItsOwnServerUnderPerMethod() {
    EngineExecutionResults results = TestKit.run(PerMethodTemplatesSample.class);

    TestKit.assertSucceeded(results, 5);
    assertThat(TestKit.reported(results, "server")).hasSize(5).doesNotHaveDuplicates();
    assertThat(TestKit.reportedInts(results, "messages before")).containsOnly(0);
  }

  @Test
  void invocationsShareAResetServerUnderPerClass() {
    EngineExecutionResults results = TestKit.run(PerClassTemplatesSample.class);

    TestKit.assertSucceeded(results, 5);
    List<String> ports = TestKit.reported(results, "port");
    assertThat(ports).hasSize(5).containsOnly(ports.get(0));
    assertThat(TestKit.reportedInts(results, "messages before")).containsOnly(0);
  }

  @TestKitSample
  @SmtpMock
  static class PerMethodTemplatesSample {
    @ParameterizedTest
    @ValueSource(strings = {"a@example.test", "b@example.test", "c@example.test"})
    void parameterized(String recipient, SmtpMockServer smtp, TestReporter reporter) {
      send(smtp, reporter, recipient);
    }

    @RepeatedTest(2)
    void repeated(SmtpMockServer smtp, TestReporter reporter) {
      send(smtp, reporter, "r@example.test");
    }
  }

  @TestKitSample
  @SmtpMock(lifecycle = SmtpMock.Lifecycle.PER_CLASS)
  static class PerClassTemplatesSample {
    @ParameterizedTest
    @ValueSource(strings = {"a@example.test", "b@example.test", "c@example.test"})
    void parameterized(String recipient, SmtpMockServer smtp, TestReporter reporter) {
      send(smtp, reporter, recipient);
    }

    @RepeatedTest(2)
    void repeated(SmtpMockServer smtp, TestReporter reporter) {
      send(smtp, reporter, "r@example.test");
    }
  }

  static void send(SmtpMockServer smtp, TestReporter reporter, String recipient) {
    LifecycleTest.report(smtp, reporter);
    SampleMail.send(smtp, "sender@example.test", recipient);
    assertThat(smtp.messages())
        .singleElement()
        .satisfies(m -> assertThat(m.recipientAddresses()).containsExactly(recipient));
  }
}
