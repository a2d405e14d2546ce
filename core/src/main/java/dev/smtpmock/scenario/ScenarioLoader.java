package dev.smtpmock.scenario;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The YAML front door (SPEC 2, 4.2): finds a scenario's text, composes it safely, walks it through
 * the builders and throws one {@link InvalidScenarioException} with every problem.
 */
final class ScenarioLoader {
  /**
   * The texts being loaded on this thread, outermost first. Loading is synchronous and a base is
   * loaded from inside its extending scenario's {@code build()}, so a revisit is an extends cycle.
   */
  private static final ThreadLocal<Deque<ScenarioSource>> LOADING = new ThreadLocal<>();

  private static final Map<ClassLoader, Map<String, Scenario>> RESOURCES =
      Collections.synchronizedMap(new WeakHashMap<>());

  private ScenarioLoader() {}

  static Scenario load(Path file) {
    try {
      return load(ScenarioSource.file(file));
    } catch (ReferenceException e) {
      throw unresolved(file.toString(), e);
    }
  }

  static Scenario parse(String yaml, String sourceName) {
    return read(yaml, sourceName, ScenarioSource.baseName(sourceName), null);
  }

  static Scenario resolve(String reference) {
    if (!ScenarioSource.isResource(reference)) {
      return resolveNow(reference);
    }
    // A resource cannot change while the JVM runs, and a suite resolves the same built-in for
    // every test: each is parsed once per class loader (an error is not kept, so it is reported
    // again on the next try).
    Map<String, Scenario> loaded =
        RESOURCES.computeIfAbsent(
            ScenarioSource.classLoader(), loader -> new ConcurrentHashMap<>());
    Scenario scenario = loaded.get(reference);
    if (scenario == null) {
      scenario = resolveNow(reference);
      loaded.put(reference, scenario);
    }
    return scenario;
  }

  private static Scenario resolveNow(String reference) {
    try {
      return resolve(reference, null);
    } catch (ReferenceException e) {
      throw unresolved(reference, e);
    }
  }

  /** For {@code extends}: a relative file path is taken against {@code directory}. */
  static Scenario resolve(String reference, Path directory) throws ReferenceException {
    return load(ScenarioSource.locate(reference, directory));
  }

  static List<String> builtIns() {
    return ScenarioSource.builtIns();
  }

  private static Scenario load(ScenarioSource source) throws ReferenceException {
    Deque<ScenarioSource> loading = Objects.requireNonNullElseGet(LOADING.get(), ArrayDeque::new);
    if (loading.stream().anyMatch(s -> s.id().equals(source.id()))) {
      throw new ReferenceException("extends cycle: " + cycle(loading, source));
    }
    String text;
    try (Reader reader = source.opener().open()) {
      text = SafeYaml.read(reader);
    } catch (IOException e) {
      throw new ReferenceException(
          "cannot read " + source.name() + ": " + ScenarioSource.describe(e));
    }
    loading.addLast(source);
    LOADING.set(loading);
    try {
      return read(text, source.name(), source.defaultName(), source.directory());
    } finally {
      loading.removeLast();
      if (loading.isEmpty()) {
        LOADING.remove();
      }
    }
  }

  private static Scenario read(String text, String source, String defaultName, Path directory) {
    Node root = SafeYaml.compose(text, source);
    NodeReader nodes = new NodeReader(source);
    SourceMap sourceMap = new SourceMap(source);
    Scenario.Builder builder =
        new ScenarioReader(nodes, sourceMap, directory).read(root, defaultName);
    List<ScenarioProblem> problems = new ArrayList<>(nodes.problems());
    Scenario scenario = null;
    try {
      // built even after errors, so that duplicate names and a bad base are reported with them
      scenario = builder.build();
      problems.addAll(scenario.warnings());
    } catch (InvalidScenarioException e) {
      problems.addAll(e.problems());
    }
    if (problems.stream().anyMatch(p -> p.severity() == ScenarioProblem.Severity.ERROR)) {
      throw new InvalidScenarioException(SourceMap.sorted(problems, source));
    }
    return scenario;
  }

  private static String cycle(Deque<ScenarioSource> loading, ScenarioSource again) {
    return Stream.concat(
            loading.stream().dropWhile(s -> !s.id().equals(again.id())), Stream.of(again))
        .map(ScenarioSource::name)
        .collect(Collectors.joining(" -> "));
  }

  private static InvalidScenarioException unresolved(String reference, ReferenceException e) {
    return new InvalidScenarioException(
        List.of(
            new ScenarioProblem(reference, 0, 0, ScenarioProblem.Severity.ERROR, e.getMessage())));
  }
}
