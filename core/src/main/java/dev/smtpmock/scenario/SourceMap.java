package dev.smtpmock.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the parts of a loaded scenario were written, so that problems found after the walk (rule
 * checks, duplicate names, {@code extends}) still point at the right key. A builder-made scenario
 * has an empty map: its problems point at the rule's location, if any.
 */
final class SourceMap {
  /** A 1-based position. */
  record Position(int line, int column) {}

  private final String source;
  private final Map<Rule.Location, Map<String, Position>> ruleKeys = new HashMap<>();
  private final List<Integer> skippedRules = new ArrayList<>();
  private Position extendsValue;

  SourceMap(String source) {
    this.source = source;
  }

  String source() {
    return source;
  }

  void extendsValue(Position position) {
    extendsValue = position;
  }

  void ruleKey(Rule.Location rule, String key, Position position) {
    ruleKeys.computeIfAbsent(rule, r -> new HashMap<>()).put(key, position);
  }

  /** The rule written {@code number}th (1-based) had errors and was left out of the scenario. */
  void skippedRule(int number) {
    skippedRules.add(number);
  }

  /**
   * The number, as written, of the rule at {@code index} of the rules built: a rule left out for
   * its errors keeps its place, so that a warning names the rules the user counts.
   */
  int ruleNumber(int index) {
    int number = index + 1;
    for (int skipped : skippedRules) {
      // in ascending order: each one left out before this rule moves it one further
      if (skipped <= number) {
        number++;
      }
    }
    return number;
  }

  ScenarioProblem atExtends(ScenarioProblem.Severity severity, String message) {
    return at(extendsValue, severity, message);
  }

  /** At {@code key} of the rule where it was written; {@code key} null means the whole rule. */
  ScenarioProblem atRule(Rule rule, String key, ScenarioProblem.Severity severity, String message) {
    Rule.Location location = rule.location();
    Position keyPosition = key == null ? null : ruleKeys.getOrDefault(location, Map.of()).get(key);
    if (keyPosition != null) {
      return at(keyPosition, severity, message);
    }
    if (location != null) {
      return new ScenarioProblem(
          location.source(), location.line(), location.column(), severity, message);
    }
    return at(null, severity, message);
  }

  ScenarioProblem at(Position position, ScenarioProblem.Severity severity, String message) {
    return position == null
        ? new ScenarioProblem(source, 0, 0, severity, message)
        : new ScenarioProblem(source, position.line(), position.column(), severity, message);
  }

  /**
   * The problems in reading order: those of {@code first} (the file being loaded), then those of
   * each other source (its bases) in order of appearance; by position within a source.
   */
  static List<ScenarioProblem> sorted(List<ScenarioProblem> problems, String first) {
    Map<String, Integer> rank = new LinkedHashMap<>();
    rank.put(first, 0);
    problems.forEach(p -> rank.putIfAbsent(p.source(), rank.size()));
    return problems.stream()
        .sorted(
            Comparator.comparing((ScenarioProblem p) -> rank.get(p.source()))
                .thenComparingInt(ScenarioProblem::line)
                .thenComparingInt(ScenarioProblem::column))
        .toList();
  }
}
