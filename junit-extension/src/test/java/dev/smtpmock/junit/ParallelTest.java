package dev.smtpmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.smtpmock.SmtpMockServer;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class ParallelTest {
  static final Map<String, String> PARALLEL_CLASSES =
      Map.of(
          "junit.jupiter.execution.parallel.enabled", "true",
          "junit.jupiter.execution.parallel.mode.default", "same_thread",
          "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
          "junit.jupiter.execution.parallel.config.strategy", "fixed",
          "junit.jupiter.execution.parallel.config.fixed.parallelism", "2");

  /** Both samples wait here, so they pass only when they really run at the same time. */
  static final CyclicBarrier BOTH_RUNNING = new CyclicBarrier(2);

  @Test
  void classesRunningInParallelEachGetTheirOwnServer() {
    BOTH_RUNNING.reset();

    EngineExecutionResults results =
        TestKit.run(PARALLEL_CLASSES, FirstParallelSample.class, SecondParallelSample.class);

    TestKit.assertSucceeded(results, 2);
    assertThat(TestKit.reported(results, "port")).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void perClassTestsRunningConcurrentlyFailWithExtensionConfigurationException() {
    EngineExecutionResults results = TestKit.run(PARALLEL_CLASSES, ConcurrentPerClassSample.class);

    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            2,
            event(
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(m -> m.contains("runs CONCURRENT") && m.contains("PER_CLASS")))));
  }

  @Test
  void concurrentModeWithoutParallelExecutionIsAccepted() {
    EngineExecutionResults results = TestKit.run(ConcurrentPerClassSample.class);

    TestKit.assertSucceeded(results, 2);
  }

  static void meetAndSend(SmtpMockServer smtp, TestReporter reporter) throws Exception {
    reporter.publishEntry("port", String.valueOf(smtp.port()));
    BOTH_RUNNING.await(10, TimeUnit.SECONDS);
    SampleMail.send(smtp, "a@example.test", "b@example.test");
    assertThat(smtp.messages()).hasSize(1);
  }

  @TestKitSample
  @SmtpMock
  static class FirstParallelSample {
    @Test
    void test(SmtpMockServer smtp, TestReporter reporter) throws Exception {
      meetAndSend(smtp, reporter);
    }
  }

  @TestKitSample
  @SmtpMock(lifecycle = SmtpMock.Lifecycle.PER_CLASS)
  static class SecondParallelSample {
    @Test
    void test(SmtpMockServer smtp, TestReporter reporter) throws Exception {
      meetAndSend(smtp, reporter);
    }
  }

  @TestKitSample
  @SmtpMock(lifecycle = SmtpMock.Lifecycle.PER_CLASS)
  @Execution(ExecutionMode.CONCURRENT)
  static class ConcurrentPerClassSample {
    @Test
    void first(SmtpMockServer smtp) {}

    @Test
    void second(SmtpMockServer smtp) {}
  }
}
