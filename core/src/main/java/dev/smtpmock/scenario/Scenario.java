package dev.smtpmock.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A scenario: server settings and the rules that decide the reply each command gets (SPEC 2).
 * Immutable. Made by the YAML loader ({@link #load}, {@link #parse}, {@link #resolve}) or by {@link
 * #builder()}; both go through the same builders.
 */
public final class Scenario {
  /** The name of the built-in plain sink, used when no scenario is given. */
  public static final String DEFAULT_NAME = "default";

  private final String name;
  private final String description;
  private final ServerSettings server;
  private final List<Rule> rules;
  private final List<ScenarioProblem> warnings;

  private Scenario(
      String name,
      String description,
      ServerSettings server,
      List<Rule> rules,
      List<ScenarioProblem> warnings) {
    this.name = name;
    this.description = description;
    this.server = server;
    this.rules = List.copyOf(rules);
    this.warnings = List.copyOf(warnings);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads a scenario file.
   *
   * @throws InvalidScenarioException listing every problem as {@code FILE:LINE:COLUMN: …}
   */
  public static Scenario load(Path file) {
    return ScenarioLoader.load(file);
  }

  /**
   * Parses scenario YAML; {@code sourceName} names it in problems and is the default name.
   *
   * @throws InvalidScenarioException listing every problem as {@code SOURCE:LINE:COLUMN: …}
   */
  public static Scenario parse(String yaml, String sourceName) {
    return ScenarioLoader.parse(yaml, sourceName);
  }

  /**
   * Resolves a reference: {@code classpath:P} is a resource; a reference containing {@code /} or
   * {@code \} or ending in {@code .yaml}/{@code .yml} is a file; anything else is the name of a
   * built-in scenario.
   *
   * @throws InvalidScenarioException for an unknown name (with a did-you-mean) or a bad file
   */
  public static Scenario resolve(String reference) {
    return ScenarioLoader.resolve(reference);
  }

  /**
   * The names of the built-in scenarios on the class path, from {@code
   * smtpmock/scenarios/index.txt}.
   */
  public static List<String> builtIns() {
    return ScenarioLoader.builtIns();
  }

  public String name() {
    return name;
  }

  /** The description, or null. */
  public String description() {
    return description;
  }

  /** The server settings, merged with those of any base scenario. */
  public ServerSettings server() {
    return server;
  }

  /** The rules in matching order: this scenario's first, then those of its base. */
  public List<Rule> rules() {
    return rules;
  }

  public List<ScenarioProblem> warnings() {
    return warnings;
  }

  /** The scenario as YAML that loads back to an equal scenario. */
  public String toYaml() {
    return ScenarioYamlWriter.write(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scenario s
        && name.equals(s.name)
        && Objects.equals(description, s.description)
        && server.equals(s.server)
        && rules.equals(s.rules);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, description, server, rules);
  }

  @Override
  public String toString() {
    return "Scenario[" + name + ", " + rules.size() + " rules]";
  }

  /** Builds a {@link Scenario}; each method is named after its YAML key. */
  public static final class Builder {
    private String name;
    private String description;
    private ServerSettings server = ServerSettings.defaults();
    private final List<Rule> rules = new ArrayList<>();
    private String extendsReference;
    private Path baseDirectory;
    private SourceMap sourceMap = new SourceMap("<builder>");

    private Builder() {}

    public Builder scenario(String name) {
      this.name = name;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder server(ServerSettings server) {
      this.server = server;
      return this;
    }

    public Builder server(ServerSettings.Builder server) {
      return server(server.build());
    }

    /** Adds a rule; rules match in the order they are added. */
    public Builder rule(Rule rule) {
      rules.add(rule);
      return this;
    }

    public Builder rule(Rule.Builder rule) {
      return rule(rule.build());
    }

    /** Builds on a base scenario: a built-in name, {@code classpath:…} or a file (SPEC 2.9). */
    public Builder extendsScenario(String reference) {
      this.extendsReference = reference;
      return this;
    }

    /** The folder against which a relative {@code extends} path is resolved; set by the loader. */
    Builder baseDirectory(Path directory) {
      this.baseDirectory = directory;
      return this;
    }

    /** The source name and where each part was written, for problems; set by the loader. */
    Builder sourceMap(SourceMap sourceMap) {
      this.sourceMap = sourceMap;
      return this;
    }

    /**
     * Builds the scenario, merging in the base scenario of {@code extends}.
     *
     * @throws InvalidScenarioException for duplicate rule names, a bad base or an {@code extends}
     *     cycle
     */
    public Scenario build() {
      return ScenarioAssembler.assemble(
          name, description, server, rules, extendsReference, baseDirectory, sourceMap);
    }
  }

  /** For {@link ScenarioAssembler}: the one place that calls the constructor. */
  static Scenario create(
      String name,
      String description,
      ServerSettings server,
      List<Rule> rules,
      List<ScenarioProblem> warnings) {
    return new Scenario(name, description, server, rules, warnings);
  }
}
