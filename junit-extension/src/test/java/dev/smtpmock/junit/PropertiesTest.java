package dev.smtpmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.SmtpMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class PropertiesTest {
  static final String HOST = "smtpmock.test.mail.host";
  static final String PORT = "smtpmock.test.mail.port";
  static final String METHOD_PORT = "smtpmock.test.method.port";

  @BeforeEach
  @AfterEach
  void clear() {
    System.clearProperty(HOST);
    System.clearProperty(PORT);
    System.clearProperty(METHOD_PORT);
  }

  @Test
  void perMethodSetsThePropertiesForEachTestAndRestoresThem() {
    System.setProperty(PORT, "before");

    EngineExecutionResults results = TestKit.run(PerMethodPropertiesSample.class);

    TestKit.assertSucceeded(results, 2);
    assertThat(TestKit.reported(results, "matches")).hasSize(2).containsOnly("true");
    assertThat(System.getProperty(PORT)).isEqualTo("before");
    assertThat(System.getProperty(HOST)).isNull();
  }

  @Test
  void perClassSetsThePropertiesForTheClassAndMethodOnesForTheMethod() {
    EngineExecutionResults results = TestKit.run(PerClassPropertiesSample.class);

    TestKit.assertSucceeded(results, 2);
    assertThat(TestKit.reported(results, "matches")).hasSize(2).containsOnly("true");
    assertThat(TestKit.reported(results, "method property after")).containsExactly("unset");
    assertThat(System.getProperty(PORT)).isNull();
    assertThat(System.getProperty(HOST)).isNull();
    assertThat(System.getProperty(METHOD_PORT)).isNull();
  }

  @Test
  void propertiesAreRestoredAfterAFailedTest() {
    System.setProperty(HOST, "before");

    EngineExecutionResults results = TestKit.run(FailingPropertiesSample.class);

    results.testEvents().assertStatistics(s -> s.failed(1));
    assertThat(System.getProperty(HOST)).isEqualTo("before");
  }

  static void report(SmtpMockServer smtp, TestReporter reporter) {
    boolean matches =
        smtp.host().equals(System.getProperty(HOST))
            && String.valueOf(smtp.port()).equals(System.getProperty(PORT));
    reporter.publishEntry("matches", String.valueOf(matches));
  }

  @TestKitSample
  @SmtpMock(hostProperty = HOST, portProperty = PORT)
  static class PerMethodPropertiesSample {
    @Test
    void first(SmtpMockServer smtp, TestReporter reporter) {
      report(smtp, reporter);
    }

    @Test
    void second(SmtpMockServer smtp, TestReporter reporter) {
      report(smtp, reporter);
    }
  }

  @TestKitSample
  @SmtpMock(hostProperty = HOST, portProperty = PORT, lifecycle = SmtpMock.Lifecycle.PER_CLASS)
  @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
  static class PerClassPropertiesSample {
    @Test
    @org.junit.jupiter.api.Order(1)
    @SmtpMock(portProperty = METHOD_PORT)
    void withMethodProperty(SmtpMockServer smtp, TestReporter reporter) {
      assertThat(System.getProperty(METHOD_PORT)).isEqualTo(String.valueOf(smtp.port()));
      report(smtp, reporter);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void without(SmtpMockServer smtp, TestReporter reporter) {
      reporter.publishEntry(
          "method property after", String.valueOf(System.getProperty(METHOD_PORT, "unset")));
      report(smtp, reporter);
    }
  }

  @TestKitSample
  @SmtpMock(hostProperty = HOST)
  static class FailingPropertiesSample {
    @Test
    void fails(SmtpMockServer smtp) {
      assertThat(System.getProperty(HOST)).isEqualTo(smtp.host());
      throw new AssertionError("fails on purpose");
    }
  }
}
