package dev.smtpmock.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs {@link TestKitSample} classes on the Jupiter engine and reads what they reported. */
final class TestKit {
  static final String SAMPLES_ENABLED = "dev.smtpmock.junit.samples.enabled";

  private TestKit() {}

  static EngineExecutionResults run(Class<?>... samples) {
    return run(Map.of(), samples);
  }

  static EngineExecutionResults run(Map<String, String> parameters, Class<?>... samples) {
    return builder(parameters, samples).execute();
  }

  /**
   * Lets samples publish files (Jupiter 5.12+) into {@code directory}; EngineTestKit refuses to by
   * default.
   */
  static EngineExecutionResults runWithOutputDirectory(Path directory, Class<?>... samples) {
    return builder(Map.of(), samples)
        .outputDirectoryCreator(
            new OutputDirectoryCreator() {
              @Override
              public Path getRootDirectory() {
                return directory;
              }

              @Override
              public Path createOutputDirectory(TestDescriptor descriptor) throws IOException {
                String name = descriptor.getUniqueId().toString().replaceAll("\\W+", "_");
                return Files.createDirectories(directory.resolve(name));
              }
            })
        .execute();
  }

  private static EngineTestKit.Builder builder(
      Map<String, String> parameters, Class<?>... samples) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(SAMPLES_ENABLED, "true")
        .configurationParameters(parameters)
        .selectors(
            Arrays.stream(samples).map(c -> selectClass(c)).toArray(DiscoverySelector[]::new));
  }

  /** Every test succeeded, {@code count} of them; else fails showing why the samples failed. */
  static void assertSucceeded(EngineExecutionResults results, int count) {
    String failures =
        results.allEvents().failed().stream()
            .map(
                e ->
                    e.getTestDescriptor().getDisplayName()
                        + ": "
                        + e.getRequiredPayload(TestExecutionResult.class)
                            .getThrowable()
                            .map(TestKit::stackTrace)
                            .orElse("?"))
            .collect(Collectors.joining("\n"));
    if (!failures.isEmpty()) {
      throw new AssertionError("samples failed:\n" + failures);
    }
    results.testEvents().assertStatistics(s -> s.succeeded(count).failed(0).aborted(0));
  }

  private static String stackTrace(Throwable throwable) {
    StringWriter text = new StringWriter();
    throwable.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  /** The values published under {@code key}, in publication order. */
  static List<String> reported(EngineExecutionResults results, String key) {
    return results.allEvents().reportingEntryPublished().stream()
        .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get(key))
        .filter(Objects::nonNull)
        .toList();
  }

  /** The values published under {@code key} as integers. */
  static List<Integer> reportedInts(EngineExecutionResults results, String key) {
    return reported(results, key).stream().map(Integer::valueOf).toList();
  }
}
