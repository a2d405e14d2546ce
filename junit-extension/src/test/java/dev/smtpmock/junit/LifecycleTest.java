package dev.smtpmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpmock.SmtpMockServer;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class LifecycleTest {

  @Test
  void perMethodGivesEachTestAFreshServer() {
    EngineExecutionResults results = TestKit.run(PerMethodSample.class);

    TestKit.assertSucceeded(results, 2);
    // A fresh server on a free port; the system may hand out the port just released again.
    assertThat(TestKit.reported(results, "server")).doesNotHaveDuplicates().hasSize(2);
    assertThat(TestKit.reportedInts(results, "messages before")).containsOnly(0);
  }

  @Test
  void perClassKeepsOneServerAcrossTestsAndResetsItBeforeEach() {
    EngineExecutionResults results = TestKit.run(PerClassSample.class);

    TestKit.assertSucceeded(results, 3);
    assertThat(TestKit.reported(results, "server"))
        .hasSize(3)
        .containsOnly(TestKit.reported(results, "server").get(0));
    assertThat(TestKit.reportedInts(results, "port"))
        .hasSize(3)
        .containsOnly(TestKit.reportedInts(results, "port").get(0));
    assertThat(TestKit.reportedInts(results, "messages before")).containsOnly(0);
    assertThat(TestKit.reportedInts(results, "sessions before")).containsOnly(0);
    assertThat(TestKit.reportedInts(results, "connection")).containsOnly(1);
  }

  @Test
  void perClassServerIsClosedAfterTheClass() throws Exception {
    EngineExecutionResults results = TestKit.run(PerClassSample.class);

    int port = TestKit.reportedInts(results, "port").get(0);
    assertRefused(port);
  }

  @Test
  void serverIsClosedAfterATestThatThrew() throws Exception {
    EngineExecutionResults results = TestKit.run(ThrowingTestSample.class);

    results.testEvents().assertStatistics(s -> s.failed(1));
    assertRefused(TestKit.reportedInts(results, "port").get(0));
  }

  @Test
  void serverIsClosedAfterABeforeEachThatThrew() throws Exception {
    EngineExecutionResults results = TestKit.run(ThrowingBeforeEachSample.class);

    results.testEvents().assertStatistics(s -> s.failed(1));
    assertRefused(TestKit.reportedInts(results, "port").get(0));
  }

  private static void assertRefused(int port) {
    assertThatThrownBy(
            () -> {
              try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
              }
            })
        .isInstanceOf(ConnectException.class);
  }

  @TestKitSample
  @SmtpMock
  static class PerMethodSample {
    @Test
    void first(SmtpMockServer smtp, TestReporter reporter) {
      report(smtp, reporter);
      SampleMail.send(smtp, "a@example.test", "b@example.test");
    }

    @Test
    void second(SmtpMockServer smtp, TestReporter reporter) {
      report(smtp, reporter);
      SampleMail.send(smtp, "a@example.test", "b@example.test");
    }
  }

  @TestKitSample
  @SmtpMock(lifecycle = SmtpMock.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerClassSample {
    @Test
    @Order(1)
    void first(SmtpMockServer smtp, TestReporter reporter) {
      sendAndReport(smtp, reporter);
    }

    @Test
    @Order(2)
    void second(SmtpMockServer smtp, TestReporter reporter) {
      sendAndReport(smtp, reporter);
    }

    @Test
    @Order(3)
    void third(SmtpMockServer smtp, TestReporter reporter) {
      sendAndReport(smtp, reporter);
    }

    private static void sendAndReport(SmtpMockServer smtp, TestReporter reporter) {
      report(smtp, reporter);
      reporter.publishEntry("sessions before", String.valueOf(smtp.sessions().size()));
      SampleMail.send(smtp, "a@example.test", "b@example.test");
      assertThat(smtp.messages()).hasSize(1);
      // Connection numbering restarts with each reset.
      reporter.publishEntry("connection", String.valueOf(smtp.messages().get(0).connection()));
    }
  }

  @TestKitSample
  @SmtpMock
  static class ThrowingTestSample {
    @Test
    void fails(SmtpMockServer smtp, TestReporter reporter) {
      reporter.publishEntry("port", String.valueOf(smtp.port()));
      throw new IllegalStateException("the test failed");
    }
  }

  @TestKitSample
  @SmtpMock
  static class ThrowingBeforeEachSample {
    @BeforeEach
    void setUp(SmtpMockServer smtp, TestReporter reporter) {
      reporter.publishEntry("port", String.valueOf(smtp.port()));
      throw new IllegalStateException("set-up failed");
    }

    @Test
    void neverRuns(TestInfo info) {
      throw new AssertionError("not reached: " + info.getDisplayName());
    }
  }

  static void report(SmtpMockServer smtp, TestReporter reporter) {
    reporter.publishEntry("server", String.valueOf(System.identityHashCode(smtp)));
    reporter.publishEntry("port", String.valueOf(smtp.port()));
    reporter.publishEntry("messages before", String.valueOf(smtp.messages().size()));
  }
}
