package dev.smtpmock.junit;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.junit.SmtpMock.Lifecycle;
import dev.smtpmock.scenario.Scenario;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit Jupiter extension behind {@link SmtpMock}: starts a fault-injecting SMTP server per
 * test (or per class), resolves {@link SmtpMockServer} parameters, sets {@link InjectSmtpMock}
 * fields and exported system properties, and publishes the SMTP transcripts of a failed test.
 *
 * <p>{@code @SmtpMock} registers it; to configure it in code instead, register a built one:
 *
 * <pre>{@code
 * @RegisterExtension
 * static SmtpMockExtension smtp = SmtpMockExtension.builder()
 *     .scenario(Scenario.builder()
 *         .rule(Rule.when(Event.RCPT).nth(3).per(Scope.TRANSACTION).reply("452 4.5.3 Too many recipients"))
 *         .build())
 *     .lifecycle(SmtpMock.Lifecycle.PER_CLASS)
 *     .build();
 * }</pre>
 *
 * <p>A {@code @SmtpMock} on a class or method of such a test still applies, on top of the builder's
 * configuration. The extension holds no mutable state: servers live in the {@link
 * ExtensionContext.Store} of the test or class they belong to, and JUnit closes them with it.
 */
public final class SmtpMockExtension
    implements BeforeAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        AfterAllCallback,
        ParameterResolver {

  static final String NOT_CONFIGURED =
      "requires @SmtpMock on the class or method, or @RegisterExtension SmtpMockExtension";

  /** The builder's configuration; null for the instance that {@code @ExtendWith} creates. */
  private final Layer programmatic;

  /** For {@code @ExtendWith(SmtpMockExtension.class)}, which {@code @SmtpMock} carries. */
  public SmtpMockExtension() {
    this(null);
  }

  private SmtpMockExtension(Layer programmatic) {
    this.programmatic = programmatic;
  }

  /** Configures an extension for {@code @RegisterExtension}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Optional<Configuration> configuration = configuration(context);
    if (configuration.isEmpty()) {
      return;
    }
    Lifecycle lifecycle = configuration.get().lifecycle();
    SmtpMockServer server = null;
    if (lifecycle == Lifecycle.PER_CLASS) {
      server = classServer(configuration.get()).server();
    }
    FieldInjection.injectStatic(context.getRequiredTestClass(), server, lifecycle);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Optional<Configuration> configuration = configuration(context);
    if (configuration.isEmpty()) {
      if (inCharge(context)) {
        FieldInjection.requireNone(context);
      }
      return;
    }
    SmtpMockServer server =
        configuration.get().lifecycle() == Lifecycle.PER_CLASS
            ? prepareSharedServer(context, configuration.get())
            : Servers.obtain(context, configuration.get().testSettings()).server();
    FieldInjection.injectStatic(
        context.getRequiredTestClass(), server, configuration.get().lifecycle());
    FieldInjection.injectInstances(context, server);
  }

  /**
   * PER_CLASS: the class's server, reset for this test, with the method's own scenario and
   * properties (if it has a {@code @SmtpMock}) until it ends.
   */
  private SmtpMockServer prepareSharedServer(ExtensionContext test, Configuration configuration) {
    ConcurrencyGuard.check(test, configuration.classScope());
    ServerHandle handle = classServer(configuration);
    SmtpMockServer server = handle.server();
    server.reset();
    Optional<Layer> method = configuration.methodLayer();
    if (method.isPresent()) {
      Layer layer = method.get();
      if (layer.scenario() != null) {
        Servers.keep(
            test,
            "scenario swap",
            ScenarioSwap.swap(server, layer.scenario().load(), handle.scenario(), layer.origin()));
      }
      if (!layer.hostProperty().isEmpty() || !layer.portProperty().isEmpty()) {
        Servers.keep(
            test,
            "properties",
            SystemProperties.hostAndPort(
                layer.hostProperty(), server.host(), layer.portProperty(), server.port()));
      }
    }
    return server;
  }

  private static ServerHandle classServer(Configuration configuration) {
    return Servers.obtain(configuration.classScope(), configuration.classSettings());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      failedConfiguration(context)
          .flatMap(
              c -> Servers.find(c.lifecycle() == Lifecycle.PER_CLASS ? c.classScope() : context))
          .ifPresent(handle -> TranscriptReport.publish(context, handle.server()));
    }
  }

  /** A failure in {@code @BeforeAll} or {@code @AfterAll} of a PER_CLASS class. */
  @Override
  public void afterAll(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      failedConfiguration(context)
          .filter(c -> c.lifecycle() == Lifecycle.PER_CLASS)
          .filter(c -> c.classScope().getUniqueId().equals(context.getUniqueId()))
          .flatMap(c -> Servers.find(context))
          .ifPresent(handle -> TranscriptReport.publish(context, handle.server()));
    }
  }

  /**
   * The configuration of a context that failed; empty when the configuration itself was the
   * failure, which is already reported, once.
   */
  private Optional<Configuration> failedConfiguration(ExtensionContext context) {
    try {
      return configuration(context);
    } catch (ExtensionConfigurationException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return ServerParameter.supports(parameter) && inCharge(context);
  }

  @Override
  public SmtpMockServer resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return ServerParameter.resolve(parameter, context, programmatic);
  }

  /** Empty where this instance steps aside or nothing configures a server. */
  private Optional<Configuration> configuration(ExtensionContext context) {
    return inCharge(context) ? Configuration.of(context, programmatic) : Optional.empty();
  }

  /**
   * A built instance always acts; the one {@code @ExtendWith} made acts unless the test has a
   * {@code @RegisterExtension SmtpMockExtension}, which then acts alone, or another framework
   * supplies the server (see {@link Registrations}).
   */
  private boolean inCharge(ExtensionContext context) {
    return programmatic != null
        || (Registrations.programmaticScope(context).isEmpty()
            && !Registrations.suppliedElsewhere(context));
  }

  /**
   * Configures a {@link SmtpMockExtension}: the same settings as {@link SmtpMock}'s attributes,
   * with the scenario also given as a {@link Scenario} built in Java.
   */
  public static final class Builder {
    private ScenarioSpec scenario;
    private Lifecycle lifecycle = Lifecycle.PER_METHOD;
    private int port;
    private String hostProperty = "";
    private String portProperty = "";

    private Builder() {}

    /** A scenario built with {@link Scenario#builder()} or loaded beforehand. */
    public Builder scenario(Scenario scenario) {
      return scenario(new ScenarioSpec.Given(Objects.requireNonNull(scenario, "scenario")));
    }

    /** A built-in name, {@code classpath:…} or a file path, as {@code @SmtpMock(scenario)}. */
    public Builder scenarioRef(String reference) {
      Objects.requireNonNull(reference, "reference");
      return scenario(
          new ScenarioSpec.Reference(
              reference, "SmtpMockExtension.builder().scenarioRef(\"" + reference + "\")"));
    }

    /** The scenario as YAML, as {@code @SmtpMock(yaml)}. */
    public Builder yaml(String yaml) {
      Objects.requireNonNull(yaml, "yaml");
      return scenario(new ScenarioSpec.Yaml(yaml, "inline", "SmtpMockExtension.builder().yaml(…)"));
    }

    private Builder scenario(ScenarioSpec spec) {
      if (scenario != null) {
        throw new ExtensionConfigurationException(
            "SmtpMockExtension.builder(): give one of scenario(Scenario), scenarioRef(String) and"
                + " yaml(String)");
      }
      this.scenario = spec;
      return this;
    }

    public Builder lifecycle(Lifecycle lifecycle) {
      this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
      return this;
    }

    /** A fixed port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = Layer.port(port, "SmtpMockExtension.builder()");
      return this;
    }

    /** A system property set to the server's host while it runs, restored afterwards. */
    public Builder hostProperty(String name) {
      this.hostProperty = Objects.requireNonNull(name, "name");
      return this;
    }

    /** A system property set to the server's port while it runs, restored afterwards. */
    public Builder portProperty(String name) {
      this.portProperty = Objects.requireNonNull(name, "name");
      return this;
    }

    public SmtpMockExtension build() {
      return new SmtpMockExtension(
          new Layer(
              scenario,
              lifecycle,
              port,
              hostProperty,
              portProperty,
              "@RegisterExtension SmtpMockExtension"));
    }
  }
}
