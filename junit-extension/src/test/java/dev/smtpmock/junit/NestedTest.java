package dev.smtpmock.junit;

import static dev.smtpmock.junit.ScenarioSelectionTest.DEFER_RCPT;
import static dev.smtpmock.junit.ScenarioSelectionTest.REFUSE_RCPT;
import static dev.smtpmock.junit.ScenarioSelectionTest.rcptReply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.SmtpMockServer;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class NestedTest {

  @Test
  void nestedClassInheritsTheEnclosingConfigurationWithItsOwnServers() {
    EngineExecutionResults results = TestKit.run(PerMethodOuterSample.class);

    TestKit.assertSucceeded(results, 3);
    assertThat(TestKit.reported(results, "server")).hasSize(3).doesNotHaveDuplicates();
  }

  @Test
  void nestedClassSharesTheEnclosingServerUnderPerClass() {
    EngineExecutionResults results = TestKit.run(PerClassOuterSample.class);

    TestKit.assertSucceeded(results, 4);
    List<String> ports = TestKit.reported(results, "port");
    assertThat(ports).hasSize(3).containsOnly(ports.get(0));
    assertThat(TestKit.reported(results, "own port")).hasSize(1).doesNotContain(ports.get(0));
  }

  @TestKitSample
  @SmtpMock(yaml = REFUSE_RCPT)
  static class PerMethodOuterSample {
    @Test
    void outer(SmtpMockServer smtp, TestReporter reporter) {
      reporter.publishEntry("server", String.valueOf(System.identityHashCode(smtp)));
      assertThat(rcptReply(smtp)).startsWith("550");
    }

    @Nested
    class Inner {
      @Test
      void inheritsScenario(SmtpMockServer smtp, TestReporter reporter) {
        reporter.publishEntry("server", String.valueOf(System.identityHashCode(smtp)));
        assertThat(rcptReply(smtp)).startsWith("550");
      }

      @Test
      @SmtpMock(yaml = DEFER_RCPT)
      void methodStillOverrides(SmtpMockServer smtp, TestReporter reporter) {
        reporter.publishEntry("server", String.valueOf(System.identityHashCode(smtp)));
        assertThat(rcptReply(smtp)).startsWith("451");
      }
    }
  }

  @TestKitSample
  @SmtpMock(yaml = REFUSE_RCPT, lifecycle = SmtpMock.Lifecycle.PER_CLASS)
  static class PerClassOuterSample {
    @Test
    void outer(SmtpMockServer smtp, TestReporter reporter) {
      reporter.publishEntry("port", String.valueOf(smtp.port()));
      assertThat(rcptReply(smtp)).startsWith("550");
    }

    @Nested
    class Inherits {
      @InjectSmtpMock SmtpMockServer field;

      @Test
      void sharesTheServer(SmtpMockServer smtp, TestReporter reporter) {
        reporter.publishEntry("port", String.valueOf(smtp.port()));
        assertThat(field).isSameAs(smtp);
        assertThat(smtp.sessions()).isEmpty();
        assertThat(rcptReply(smtp)).startsWith("550");
      }

      @Test
      void isResetBeforeEachTest(SmtpMockServer smtp, TestReporter reporter) {
        reporter.publishEntry("port", String.valueOf(smtp.port()));
        assertThat(smtp.sessions()).isEmpty();
      }
    }

    @Nested
    @SmtpMock(yaml = DEFER_RCPT)
    class HasItsOwn {
      @Test
      void ownServerAndScenario(SmtpMockServer smtp, TestReporter reporter) {
        reporter.publishEntry("own port", String.valueOf(smtp.port()));
        assertThat(rcptReply(smtp)).startsWith("451");
      }
    }
  }
}
