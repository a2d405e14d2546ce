package dev.smtpmock.junit;

import dev.smtpmock.scenario.InvalidScenarioException;
import dev.smtpmock.scenario.Scenario;
import java.util.Objects;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Where a test's scenario comes from. Loading is deferred to the test run, so that a bad scenario
 * fails the tests that use it, with the element that names it, rather than the class's
 * initialisation.
 */
sealed interface ScenarioSpec {

  /** The built-in plain sink that runs when no scenario is given. */
  ScenarioSpec DEFAULT = new BuiltInDefault();

  Scenario load();

  /**
   * A built-in name, {@code classpath:…} or a file path, resolved as SPEC 4.2 says; {@code where}
   * names the attribute or builder call that gave it, for errors.
   */
  record Reference(String reference, String where) implements ScenarioSpec {
    @Override
    public Scenario load() {
      try {
        return Scenario.resolve(reference);
      } catch (InvalidScenarioException e) {
        throw invalid(where, e);
      }
    }
  }

  /** Inline YAML; {@code sourceName} names it in problems and is the scenario's default name. */
  record Yaml(String yaml, String sourceName, String where) implements ScenarioSpec {
    @Override
    public Scenario load() {
      try {
        return Scenario.parse(yaml, sourceName);
      } catch (InvalidScenarioException e) {
        throw invalid(where, e);
      }
    }
  }

  /** A scenario built in Java. */
  record Given(Scenario scenario) implements ScenarioSpec {
    public Given {
      Objects.requireNonNull(scenario, "scenario");
    }

    @Override
    public Scenario load() {
      return scenario;
    }
  }

  /** SPEC 5: "Neither: the built-in {@code default}". */
  final class BuiltInDefault implements ScenarioSpec {
    private BuiltInDefault() {}

    @Override
    public Scenario load() {
      // The library normally ships `default`; without smtpmock-scenarios on the class path the
      // same plain sink is built here, as SmtpMockServer.start() does, rather than failing.
      if (Scenario.builtIns().contains(Scenario.DEFAULT_NAME)) {
        return Scenario.resolve(Scenario.DEFAULT_NAME);
      }
      return Scenario.builder().scenario(Scenario.DEFAULT_NAME).build();
    }

    @Override
    public String toString() {
      return "the built-in default scenario";
    }
  }

  private static ExtensionConfigurationException invalid(String where, InvalidScenarioException e) {
    return new ExtensionConfigurationException(where + ": invalid scenario\n" + e.getMessage(), e);
  }
}
