package dev.smtpmock.testing;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.scenario.Scenario;

/** Servers for tests, from inline scenario YAML. */
public final class Servers {
  private Servers() {}

  /** Starts a server on a free port with the scenario written in {@code yaml}. */
  public static SmtpMockServer serve(String yaml) {
    return SmtpMockServer.start(Scenario.parse(yaml, "test.yaml"));
  }
}
