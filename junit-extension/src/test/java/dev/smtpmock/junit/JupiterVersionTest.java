package dev.smtpmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The build runs these tests on each supported Jupiter; this shows which one ran. */
class JupiterVersionTest {

  @Test
  void runsOnTheJupiterVersionTheBuildAskedFor() {
    String expected = System.getProperty("smtpmock.test.jupiter.version");
    String running = ExtensionContext.class.getPackage().getImplementationVersion();

    // Only a run outside Maven lacks the property; in CI that would hide which Jupiter ran.
    assertThat(expected == null && "true".equals(System.getenv("CI")))
        .as("smtpmock.test.jupiter.version is set by the build")
        .isFalse();
    assumeTrue(expected != null, "run outside the build");
    assertThat(running).isEqualTo(expected);
  }
}
