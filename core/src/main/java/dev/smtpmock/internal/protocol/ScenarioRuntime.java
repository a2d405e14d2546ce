package dev.smtpmock.internal.protocol;

import dev.smtpmock.internal.rules.RuleEngine;
import dev.smtpmock.internal.tls.TlsMaterial;
import dev.smtpmock.scenario.Scenario;
import dev.smtpmock.scenario.ServerSettings;
import javax.net.ssl.SSLContext;

/** A scenario in force: its rules with their counters, and the TLS context its settings ask for. */
public final class ScenarioRuntime {
  private final Scenario scenario;
  private final RuleEngine engine;
  private final SSLContext tls;

  public ScenarioRuntime(Scenario scenario, long seed) {
    this.scenario = scenario;
    this.engine = new RuleEngine(scenario.rules(), seed);
    this.tls = sslContext(scenario.server().tls());
  }

  private static SSLContext sslContext(ServerSettings.Tls tls) {
    if (tls.keystore() != null) {
      String password = tls.password() == null ? "" : tls.password();
      return TlsMaterial.serverContext(tls.keystore(), password.toCharArray());
    }
    return TlsMaterial.serverContext(tls.certificate());
  }

  public Scenario scenario() {
    return scenario;
  }

  public ServerSettings settings() {
    return scenario.server();
  }

  public RuleEngine engine() {
    return engine;
  }

  public SSLContext tls() {
    return tls;
  }
}
