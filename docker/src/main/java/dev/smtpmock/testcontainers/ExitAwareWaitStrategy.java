package dev.smtpmock.testcontainers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Duration;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.containers.wait.strategy.WaitStrategy;

/**
 * Waits as the given strategy does (smtpmock's {@code Wait.forHttp("/health")} on the admin port),
 * in short rounds, and gives up as soon as the container has exited: an invalid scenario makes the
 * runner exit at once with its problems, which then make the exception's message instead of a
 * timeout a minute later.
 */
final class ExitAwareWaitStrategy extends AbstractWaitStrategy {
  private static final Duration ROUND = Duration.ofSeconds(1);

  private final WaitStrategy delegate;

  ExitAwareWaitStrategy(WaitStrategy delegate) {
    this.delegate = delegate;
  }

  @Override
  protected void waitUntilReady() {
    long deadline = System.nanoTime() + startupTimeout.toNanos();
    while (true) {
      try {
        delegate.withStartupTimeout(ROUND).waitUntilReady(waitStrategyTarget);
        return;
      } catch (ContainerLaunchException notYet) {
        InspectContainerResponse.ContainerState state =
            waitStrategyTarget.getCurrentContainerInfo().getState();
        if (!Boolean.TRUE.equals(state.getRunning())) {
          throw new ContainerLaunchException(
              "smtpmock stopped (exit code "
                  + state.getExitCodeLong()
                  + ") before its admin API answered /health. Its output:\n"
                  + waitStrategyTarget.getLogs().stripTrailing());
        }
        if (System.nanoTime() - deadline > 0) {
          throw new ContainerLaunchException(
              "smtpmock's admin API did not answer /health within " + startupTimeout, notYet);
        }
      }
    }
  }
}
