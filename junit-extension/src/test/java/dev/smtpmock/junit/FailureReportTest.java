package dev.smtpmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.testing.SmtpDialogue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class FailureReportTest {

  @Test
  void failedTestPublishesTheTranscriptAsAReportEntry() {
    EngineExecutionResults results = TestKit.run(FailingSample.class);

    results.testEvents().assertStatistics(s -> s.failed(1).succeeded(1));
    assertThat(TestKit.reported(results, "smtpmock.transcript"))
        .singleElement()
        .asString()
        .contains("C: EHLO failing.test")
        .contains("S: 250-smtpmock.test")
        .contains("C: MAIL FROM:<a@example.test>")
        .contains("S: 250 2.1.0 Ok");
  }

  @Test
  void failedTestPublishesTheTranscriptAsAFileWhereJupiterCan(@TempDir Path reports)
      throws Exception {
    EngineExecutionResults results = TestKit.runWithOutputDirectory(reports, FailingSample.class);

    // publishFile exists from Jupiter 5.12; the build runs 5.14 and 6.0.
    FileEntry file =
        results.allEvents().fileEntryPublished().stream()
            .map(e -> e.getRequiredPayload(FileEntry.class))
            .filter(f -> f.getPath().getFileName().toString().equals("smtpmock-transcript.txt"))
            .findFirst()
            .orElseThrow();
    assertThat(Files.readString(file.getPath())).contains("C: EHLO failing.test");
    assertThat(file.getMediaType()).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
  }

  @Test
  void failedTestWritesTheTranscriptToStandardOutput() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      TestKit.run(FailingSample.class);
    } finally {
      System.setOut(original);
    }

    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("smtpmock: transcript of the failed fails(SmtpMockServer)")
        .contains("C: EHLO failing.test")
        .doesNotContain("passes.test");
  }

  @Test
  void aTranscriptTheFailureQuotesIsNotPrintedASecondTime() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    EngineExecutionResults results;
    try {
      results = TestKit.run(FailingAssertionSample.class);
    } finally {
      System.setOut(original);
    }

    Throwable failure =
        results.testEvents().failed().stream()
            .findFirst()
            .orElseThrow()
            .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
            .getThrowable()
            .orElseThrow();
    assertThat(failure)
        .isInstanceOf(org.opentest4j.AssertionFailedError.class)
        .hasMessageContaining("C: EHLO quoted.test");
    assertThat(((org.opentest4j.AssertionFailedError) failure).getExpected().getValue())
        .isEqualTo(java.util.List.of("EHLO", "QUIT"));
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("quoted.test");
    assertThat(TestKit.reported(results, "smtpmock.transcript"))
        .singleElement()
        .asString()
        .contains("C: EHLO quoted.test");
  }

  @Test
  void failureWithoutSessionsSaysNoneWasOpened() {
    EngineExecutionResults results = TestKit.run(LifecycleTest.ThrowingTestSample.class);

    assertThat(TestKit.reported(results, "smtpmock.transcript"))
        .singleElement()
        .asString()
        .contains("no SMTP session was opened");
  }

  @Test
  void underPerClassTheTranscriptKeepsASessionOpenAcrossTheReset() {
    EngineExecutionResults results = TestKit.run(OpenAcrossResetSample.class);

    results.testEvents().assertStatistics(s -> s.failed(1).succeeded(1));
    assertThat(TestKit.reported(results, "smtpmock.transcript"))
        .singleElement()
        .asString()
        .contains("1 session(s)")
        .contains("C: MAIL FROM:<across@reset.test>")
        .contains("S: 250 2.1.0 Ok")
        .doesNotContain("opened.test");
  }

  /** The first test opens a session, the second goes on with it after the reset and fails. */
  @TestKitSample
  @SmtpMock(lifecycle = SmtpMock.Lifecycle.PER_CLASS)
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class OpenAcrossResetSample {
    private SmtpDialogue client;

    @Test
    @Order(1)
    void opens(SmtpMockServer smtp) {
      client = SmtpDialogue.connect(smtp.port());
      client.reply();
      client.command("EHLO opened.test");
    }

    @Test
    @Order(2)
    void failsAfterTheReset() {
      client.command("MAIL FROM:<across@reset.test>");
      throw new AssertionError("fails on purpose");
    }

    @AfterAll
    void close() {
      client.close();
    }
  }

  @TestKitSample
  @SmtpMock
  static class FailingSample {
    @Test
    void fails(SmtpMockServer smtp) {
      try (SmtpDialogue client = SmtpDialogue.connect(smtp.port())) {
        client.reply();
        client.command("EHLO failing.test");
        client.command("MAIL FROM:<a@example.test>");
      }
      throw new AssertionError("fails on purpose");
    }

    @Test
    void passes(SmtpMockServer smtp) {
      try (SmtpDialogue client = SmtpDialogue.connect(smtp.port())) {
        client.reply();
        client.command("EHLO passes.test");
      }
    }
  }

  @TestKitSample
  @SmtpMock
  static class FailingAssertionSample {
    @Test
    void fails(SmtpMockServer smtp) {
      try (SmtpDialogue client = SmtpDialogue.connect(smtp.port())) {
        client.reply();
        client.command("EHLO quoted.test");
      }
      SmtpMockAssertions.assertThat(smtp).onlySession().sentVerbs("EHLO", "QUIT");
    }
  }
}
