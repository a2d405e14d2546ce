package dev.smtpmock.bench.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs one test class through the JUnit Platform launcher, as a build tool would. */
public final class JUnitRun {
  private final Launcher launcher = LauncherFactory.create();
  private final LauncherDiscoveryRequest request;

  public JUnitRun(Class<?> testClass) {
    this.request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(testClass))
            // only what the sample asks for: no auto-detected extensions, no report files
            .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
            .configurationParameter("junit.platform.output.capture.stdout", "false")
            .build();
  }

  /** Discovers and runs the class; throws if a test failed or none ran. */
  public void run() {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener);
    TestExecutionSummary summary = listener.getSummary();
    if (summary.getTotalFailureCount() > 0 || summary.getTestsSucceededCount() != 1) {
      StringBuilder why = new StringBuilder("the sample test did not pass: ");
      summary.getFailures().forEach(f -> why.append(f.getException()).append("; "));
      throw new IllegalStateException(
          why + "succeeded=" + summary.getTestsSucceededCount(),
          summary.getFailures().isEmpty() ? null : summary.getFailures().get(0).getException());
    }
  }
}
