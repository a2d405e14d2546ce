package dev.smtpmock.junit;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.scenario.Scenario;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A running server as the extension keeps it in an {@link ExtensionContext.Store}: JUnit closes it
 * with its context, after the test (PER_METHOD) or the class (PER_CLASS), even when a test or a
 * lifecycle method threw. Implements both close interfaces: Jupiter 5.13+ closes {@link
 * AutoCloseable} values, older versions only {@link ExtensionContext.Store.CloseableResource} ones;
 * each version calls exactly one of them.
 */
final class ServerHandle implements ExtensionContext.Store.CloseableResource, AutoCloseable {
  private final SmtpMockServer server;
  private final Scenario scenario;
  private final SystemProperties properties;

  private ServerHandle(SmtpMockServer server, Scenario scenario, SystemProperties properties) {
    this.server = server;
    this.scenario = scenario;
    this.properties = properties;
  }

  static ServerHandle start(Settings settings) {
    Scenario scenario = settings.scenario().load();
    SmtpMockServer server =
        SmtpMockServer.builder().scenario(scenario).port(settings.port()).start();
    try {
      return new ServerHandle(
          server,
          scenario,
          SystemProperties.hostAndPort(
              settings.hostProperty(), server.host(), settings.portProperty(), server.port()));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  SmtpMockServer server() {
    return server;
  }

  /** The scenario the server started with, which a method-level swap restores. */
  Scenario scenario() {
    return scenario;
  }

  @Override
  public void close() {
    try {
      properties.close();
    } finally {
      server.close();
    }
  }
}
