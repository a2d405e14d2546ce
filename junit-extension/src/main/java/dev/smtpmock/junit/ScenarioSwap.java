package dev.smtpmock.junit;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.scenario.Scenario;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A method's own scenario on the class's server (PER_CLASS), swapped back when the method's store
 * closes, so that the next test starts from the class's scenario on the same port.
 */
final class ScenarioSwap implements ExtensionContext.Store.CloseableResource, AutoCloseable {
  private final SmtpMockServer server;
  private final Scenario restore;

  private ScenarioSwap(SmtpMockServer server, Scenario restore) {
    this.server = server;
    this.restore = restore;
  }

  static ScenarioSwap swap(SmtpMockServer server, Scenario to, Scenario restore, String where) {
    try {
      server.scenario(to);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(where + ": " + e.getMessage(), e);
    }
    return new ScenarioSwap(server, restore);
  }

  @Override
  public void close() {
    server.scenario(restore);
  }
}
