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

    assumeTrue(expected != null, "run outside the build");
    assertThat(running).isEqualTo(expected);
  }
}
