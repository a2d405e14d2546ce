package dev.smtpmock.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders a (merged) scenario as YAML that loads back to an equal scenario: the keys of SPEC 2 in
 * the loader's order, durations with units, sizes in bytes, replies as written lines.
 */
final class ScenarioYamlWriter {
  private ScenarioYamlWriter() {}

  static String write(Scenario scenario) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("scenario", scenario.name());
    putIfSet(document, "description", scenario.description());
    Map<String, Object> server = plain(scenario.server().explicitValues());
    if (!server.isEmpty()) {
      document.put("server", server);
    }
    if (!scenario.rules().isEmpty()) {
      document.put("rules", scenario.rules().stream().map(ScenarioYamlWriter::rule).toList());
    }
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setSplitLines(false);
    // the default would turn a raw reply with control bytes into !!binary, which we refuse
    options.setNonPrintableStyle(DumperOptions.NonPrintableStyle.ESCAPE);
    return new Yaml(options).dump(document);
  }

  private static Map<String, Object> rule(Rule rule) {
    Map<String, Object> m = new LinkedHashMap<>();
    putIfSet(m, "name", rule.name());
    Matching r = rule.matching();
    List<String> events = r.events().stream().map(ScenarioValues::yamlName).toList();
    m.put("when", events.size() == 1 ? events.get(0) : events);
    putIfSet(m, "nth", r.nth());
    putIfSet(m, "after", r.after());
    if (r.per() != Scope.CONNECTION) {
      m.put("per", ScenarioValues.yamlName(r.per()));
    }
    if (!r.keys().isEmpty()) {
      m.put("key", r.keys().stream().map(ScenarioValues::yamlName).toList());
    }
    if (!r.connections().isEmpty()) {
      List<Object> ranges = new ArrayList<>();
      r.connections().forEach(c -> ranges.add(c.from() == c.to() ? c.from() : c.toString()));
      m.put("connection", ranges.size() == 1 ? ranges.get(0) : ranges);
    }
    putIfSet(m, "times", r.times());
    putIfSet(m, "match", r.match() == null ? null : r.match().pattern().pattern());
    if (!r.headers().isEmpty()) {
      Map<String, String> headers = new LinkedHashMap<>();
      r.headers().forEach((name, regex) -> headers.put(name.name(), regex.pattern().pattern()));
      m.put("header", headers);
    }
    putIfSet(m, "body", r.body() == null ? null : r.body().pattern().pattern());
    putIfSet(m, "min-size", r.minSize());
    putIfSet(m, "probability", r.probability());
    putIfSet(m, "tls", r.tls());
    putIfSet(m, "authenticated", r.authenticated());
    putIfSet(m, "rate", r.rate() == null ? null : ScenarioValues.rate(r.rate()));
    action(rule.action(), m);
    putIfSet(m, "after-bytes", r.afterBytes());
    return m;
  }

  private static void action(Action action, Map<String, Object> m) {
    if (action instanceof Action.Answer answer && answer.reply() != null) {
      List<String> lines = answer.reply().toLines();
      m.put("reply", lines.size() == 1 ? lines.get(0) : lines);
    }
    if (action instanceof Action.Raw raw) {
      m.put("raw", raw.bytes());
    }
    if (action instanceof Action.Strike strike) {
      m.put("fault", ScenarioValues.yamlName(strike.fault()));
    }
    putIfSet(m, "delay", action.delay() == null ? null : ScenarioValues.delay(action.delay()));
    if (action instanceof Action.Written written) {
      putIfSet(m, "drip", written.drip() == null ? null : ScenarioValues.duration(written.drip()));
      putIfSet(m, "then", written.then() == null ? null : ScenarioValues.yamlName(written.then()));
    }
  }

  /** The server block's values as YAML data: model values become their YAML spelling. */
  private static Map<String, Object> plain(Map<String, Object> values) {
    Map<String, Object> result = new LinkedHashMap<>();
    values.forEach((key, value) -> result.put(key, plainValue(value)));
    return result;
  }

  private static Object plainValue(Object value) {
    if (value instanceof Duration d) {
      return ScenarioValues.duration(d);
    }
    if (value instanceof Extension e) {
      return e.keyword();
    }
    if (value instanceof Protocol protocol) {
      return ScenarioValues.yamlName(protocol);
    }
    if (value instanceof ServerSettings.Tls.Keystore keystore) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("keystore", keystore.path().toString());
      putIfSet(m, "password", keystore.password());
      return m;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ScenarioYamlWriter::plainValue).toList();
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> result = new LinkedHashMap<>();
      map.forEach((k, v) -> result.put(k, plainValue(v)));
      return result;
    }
    return value;
  }

  private static void putIfSet(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
