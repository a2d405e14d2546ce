package dev.smtpmock.junit;

import dev.smtpmock.junit.SmtpMock.Lifecycle;

/** The configuration in force once every {@link Layer} that applies has been laid on. */
record Settings(
    ScenarioSpec scenario,
    Lifecycle lifecycle,
    int port,
    String hostProperty,
    String portProperty) {

  static final Settings DEFAULTS =
      new Settings(ScenarioSpec.DEFAULT, Lifecycle.PER_METHOD, 0, "", "");

  /** These settings with what {@code layer} says on top. */
  Settings with(Layer layer) {
    return new Settings(
        layer.scenario() != null ? layer.scenario() : scenario,
        layer.lifecycle() != null ? layer.lifecycle() : lifecycle,
        layer.port() != 0 ? layer.port() : port,
        layer.hostProperty().isEmpty() ? hostProperty : layer.hostProperty(),
        layer.portProperty().isEmpty() ? portProperty : layer.portProperty());
  }
}
