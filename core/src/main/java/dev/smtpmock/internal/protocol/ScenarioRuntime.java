package dev.smtpmock.internal.protocol;

import dev.smtpmock.internal.rules.RuleEngine;
import dev.smtpmock.internal.tls.TlsMaterial;
import dev.smtpmock.scenario.Extension;
import dev.smtpmock.scenario.Scenario;
import dev.smtpmock.scenario.ServerSettings;
import javax.net.ssl.SSLContext;

/** A scenario in force: its rules with their counters, and the TLS context its settings ask for. */
public final class ScenarioRuntime {
  private final Scenario scenario;
  private final RuleEngine engine;
  private volatile SSLContext tls;

  /**
   * A scenario that speaks TLS gets its context now, so that a bad keystore fails the start; the
   * others only if a rule answers STARTTLS with 220, which keeps a plain server's start cheap.
   */
  public ScenarioRuntime(Scenario scenario, long seed) {
    this.scenario = scenario;
    this.engine = new RuleEngine(scenario.rules(), seed);
    ServerSettings settings = scenario.server();
    if (settings.tls().implicit()
        || settings.tls().required()
        || settings.advertises(Extension.STARTTLS)) {
      tls();
    }
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
    SSLContext context = tls;
    if (context == null) {
      context = sslContext(scenario.server().tls());
      tls = context;
    }
    return context;
  }
}
