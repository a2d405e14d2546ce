package dev.smtpmock.spring;

import dev.smtpmock.scenario.Scenario;

/**
 * A scenario as an annotation gives it: a reference ({@code Scenario.resolve}) or YAML text, at
 * most one of them. A value, so that equal annotations make equal Spring context keys.
 */
record ScenarioReference(String reference, String yaml) {

  /**
   * @param origin names the annotation, for the message
   */
  static ScenarioReference of(String reference, String yaml, String origin) {
    if (!reference.isEmpty() && !yaml.isEmpty()) {
      throw new IllegalStateException(
          origin + " gives both a scenario name and yaml: give one (neither: the default)");
    }
    // neither is the default: the same configuration as naming it, so the same cached context
    return new ScenarioReference(
        reference.isEmpty() && yaml.isEmpty() ? Scenario.DEFAULT_NAME : reference, yaml);
  }

  /**
   * @param origin names the annotation, as the source of the YAML in problems and transcripts
   */
  Scenario load(String origin) {
    if (!yaml.isEmpty()) {
      return Scenario.parse(yaml, origin);
    }
    return Scenario.resolve(reference);
  }
}
