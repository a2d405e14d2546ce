package dev.smtpmock.junit;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * PER_CLASS resets the shared server before each test, which would wipe a sibling running at the
 * same time; such a test fails instead of flaking.
 */
final class ConcurrencyGuard {
  static final String PARALLEL_ENABLED = "junit.jupiter.execution.parallel.enabled";

  private ConcurrencyGuard() {}

  /**
   * Fails when the test, or a {@code @Nested} class between it and the class that owns the server,
   * runs concurrently with its siblings. Without parallel execution enabled, {@code
   * ExecutionMode.CONCURRENT} is only a wish, so it passes.
   */
  static void check(ExtensionContext test, ExtensionContext serverScope) {
    boolean parallel =
        test.getConfigurationParameter(PARALLEL_ENABLED).map(Boolean::parseBoolean).orElse(false);
    if (!parallel) {
      return;
    }
    for (Optional<ExtensionContext> c = Optional.of(test);
        c.isPresent() && !c.get().getUniqueId().equals(serverScope.getUniqueId());
        c = c.get().getParent()) {
      if (c.get().getExecutionMode() == ExecutionMode.CONCURRENT) {
        throw new ExtensionConfigurationException(
            c.get().getElement().map(Layer::describe).orElse(c.get().getDisplayName())
                + " runs CONCURRENT, but @SmtpMock(lifecycle = PER_CLASS) shares one server across"
                + " the class and resets it before each test, which would wipe a sibling's"
                + " messages: use PER_METHOD, or @Execution(SAME_THREAD) on the class");
      }
    }
  }
}
