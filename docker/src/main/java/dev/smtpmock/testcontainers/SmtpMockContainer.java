package dev.smtpmock.testcontainers;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Testcontainers implementation of smtpmock, a fault-injecting SMTP mock server for tests.
 *
 * <p>Supported image: {@code smtpmock/smtpmock}, built from {@code docker/Dockerfile}.
 *
 * <p>Exposed ports:
 *
 * <ul>
 *   <li>SMTP: {@value #SMTP_PORT}
 *   <li>Admin API and web page: {@value #ADMIN_PORT}
 * </ul>
 *
 * <pre>{@code
 * @Container
 * static SmtpMockContainer smtp = new SmtpMockContainer("smtpmock/smtpmock:0.1.0-SNAPSHOT")
 *     .withBuiltInScenario("greylisting");
 * ...
 * mailer.send(smtp.getSmtpHost(), smtp.getSmtpPort(), message);
 * List<SmtpMockClient.Message> accepted = smtp.client().awaitMessages(1, Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>The container is ready when the admin API's {@code /health} answers: nothing ever probes the
 * SMTP port, so the first connection the code under test makes is connection 1, as {@code
 * connection:}, {@code times} and {@code per: server} rules expect.
 */
public class SmtpMockContainer extends GenericContainer<SmtpMockContainer> {

  private static final DockerImageName DEFAULT_IMAGE_NAME =
      DockerImageName.parse("smtpmock/smtpmock");

  /** The SMTP port inside the container. */
  public static final int SMTP_PORT = 2525;

  /** The admin API's port inside the container ({@code /health}, {@code /api/…}, the page). */
  public static final int ADMIN_PORT = 8025;

  /** Where a scenario given as YAML, file or {@link Transferable} is copied. */
  public static final String SCENARIO_PATH = "/scenarios/scenario.yaml";

  static final String SCENARIO_ENV = "SMTPMOCK_SCENARIO";
  static final String ADMIN_TOKEN_ENV = "SMTPMOCK_ADMIN_TOKEN";

  /** The names of the built-in scenarios: lower case, digits and hyphens, as in the library. */
  private static final Pattern BUILT_IN_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** Every scenario given, applied in {@link #configure()}; more than one is an error there. */
  private final List<Scenario> scenarios = new ArrayList<>();

  private String adminToken;

  /**
   * Uses the image of this module's version, {@code smtpmock/smtpmock:VERSION}, the one {@code mvn
   * verify} on {@code docker/} builds.
   */
  public SmtpMockContainer() {
    this(moduleImage());
  }

  /**
   * @param dockerImageName the image, e.g. {@code smtpmock/smtpmock:0.1.0-SNAPSHOT}
   */
  public SmtpMockContainer(String dockerImageName) {
    this(DockerImageName.parse(dockerImageName));
  }

  /**
   * @param dockerImageName the image: {@code smtpmock/smtpmock} or one declared compatible with it
   *     through {@link DockerImageName#asCompatibleSubstituteFor(String)}
   */
  public SmtpMockContainer(DockerImageName dockerImageName) {
    super(dockerImageName);
    dockerImageName.assertCompatibleWith(DEFAULT_IMAGE_NAME);
    addExposedPorts(SMTP_PORT, ADMIN_PORT);
    // the admin port only: an SMTP probe would be connection 1 (SPEC 6); and an invalid scenario,
    // which makes the runner exit at once, fails the start at once with the runner's problems
    waitingFor(
        new ExitAwareWaitStrategy(Wait.forHttp("/health").forPort(ADMIN_PORT).forStatusCode(200))
            .withStartupTimeout(Duration.ofSeconds(60)));
  }

  /**
   * Runs the scenario given as YAML text: it is copied to {@value #SCENARIO_PATH} and {@code
   * SMTPMOCK_SCENARIO} points at it.
   */
  public SmtpMockContainer withScenario(String yaml) {
    Objects.requireNonNull(yaml, "yaml");
    if (yaml.isBlank()) {
      throw new IllegalArgumentException("the scenario YAML is empty");
    }
    Transferable file = Transferable.of(yaml);
    return withScenario(
        "withScenario(String)", SCENARIO_PATH, c -> c.withCopyToContainer(file, SCENARIO_PATH));
  }

  /**
   * Runs the scenario in this file (e.g. {@code MountableFile.forClasspathResource("x.yaml")}): it
   * is copied to {@value #SCENARIO_PATH}, readable by the container's user whatever the file's own
   * mode, and {@code SMTPMOCK_SCENARIO} points at it.
   */
  public SmtpMockContainer withScenario(MountableFile scenarioFile) {
    Objects.requireNonNull(scenarioFile, "scenarioFile");
    return withScenario(
        "withScenario(MountableFile " + scenarioFile.getDescription() + ")",
        SCENARIO_PATH,
        c -> {
          String path = scenarioFile.getResolvedPath();
          if (!new File(path).isFile()) {
            throw new IllegalArgumentException(
                "the scenario file " + path + " does not exist or is not a regular file");
          }
          // the container runs as user 10001: a 0600 file copied as is could not be read
          c.withCopyFileToContainer(MountableFile.forHostPath(path, 0644), SCENARIO_PATH);
        });
  }

  /**
   * Runs the scenario that this {@link Transferable} holds: it is copied to {@value #SCENARIO_PATH}
   * with the {@link Transferable#getFileMode() mode} it gives (the default, 0644, lets the
   * container's user read it) and {@code SMTPMOCK_SCENARIO} points at it.
   */
  public SmtpMockContainer withScenario(Transferable scenario) {
    Objects.requireNonNull(scenario, "scenario");
    return withScenario(
        "withScenario(Transferable " + scenario.getDescription() + ")",
        SCENARIO_PATH,
        c -> c.withCopyToContainer(scenario, SCENARIO_PATH));
  }

  /**
   * Runs one of the built-in scenarios (the {@code smtpmock-scenarios} library), e.g. {@code
   * greylisting}, {@code unavailable} or {@code tls-required}; {@code java -jar smtpmock.jar
   * scenarios} lists them. Without any scenario the container runs {@code default}, a plain sink.
   */
  public SmtpMockContainer withBuiltInScenario(String name) {
    Objects.requireNonNull(name, "name");
    if (!BUILT_IN_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "'"
              + name
              + "' is not the name of a built-in scenario (lower case, digits and hyphens, such as"
              + " greylisting); for a file use withScenario(MountableFile)");
    }
    return withScenario("withBuiltInScenario(\"" + name + "\")", name, c -> {});
  }

  /**
   * Requires {@code Authorization: Bearer TOKEN} on the admin API's {@code /api/} paths; {@link
   * #client()} sends it. {@code /health} stays open, so readiness is unaffected.
   */
  public SmtpMockContainer withAdminToken(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("the admin token is empty");
    }
    this.adminToken = token;
    return withEnv(ADMIN_TOKEN_ENV, token);
  }

  /** From {@code image.properties}, which the build fills in, so that it follows the version. */
  private static String moduleImage() {
    try (InputStream in = SmtpMockContainer.class.getResourceAsStream("image.properties")) {
      if (in == null) {
        throw new IllegalStateException("image.properties is missing from smtpmock-testcontainers");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("image");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read image.properties of smtpmock-testcontainers", e);
    }
  }

  private SmtpMockContainer withScenario(
      String description, String environment, Consumer<SmtpMockContainer> copy) {
    scenarios.add(new Scenario(description, environment, copy));
    return self();
  }

  @Override
  protected void configure() {
    if (scenarios.size() > 1) {
      throw new IllegalStateException(
          "SmtpMockContainer runs one scenario, but "
              + scenarios.size()
              + " were given: "
              + String.join(", ", scenarios.stream().map(Scenario::description).toList())
              + ". Keep one; a scenario can `extends` others, and client().scenario(yaml)"
              + " swaps it while the container runs.");
    }
    if (scenarios.isEmpty()) {
      return;
    }
    Scenario scenario = scenarios.get(0);
    String given = getEnvMap().get(SCENARIO_ENV);
    if (given != null && !given.equals(scenario.environment())) {
      throw new IllegalStateException(
          "SmtpMockContainer runs one scenario, but both withEnv(\"SMTPMOCK_SCENARIO\", \""
              + given
              + "\") and "
              + scenario.description()
              + " were given; keep one");
    }
    scenario.copy().accept(this);
    withEnv(SCENARIO_ENV, scenario.environment());
  }

  /** The host to send mail to (the same as {@link #getHost()}). */
  public String getSmtpHost() {
    return getHost();
  }

  /** The host port that {@value #SMTP_PORT} is mapped to. */
  public int getSmtpPort() {
    return getMappedPort(SMTP_PORT);
  }

  /** The admin API's base URL on the host, such as {@code http://localhost:32771}. */
  public String getAdminUrl() {
    String host = getHost();
    if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + getMappedPort(ADMIN_PORT);
  }

  /**
   * The PEM of the test CA that signs the container's TLS certificates, for a client's trust store.
   * Its private key is public: never trust this CA outside tests.
   */
  public String getCaCertificatePem() {
    return client().caCertificatePem();
  }

  /** A client for the admin API of this (started) container. */
  public SmtpMockClient client() {
    SmtpMockClient client = SmtpMockClient.create(URI.create(getAdminUrl()));
    return adminToken == null ? client : client.withToken(adminToken);
  }

  /**
   * A scenario given to the container.
   *
   * @param environment the value of {@code SMTPMOCK_SCENARIO}
   * @param copy copies the scenario's file into the container, if it has one
   */
  private record Scenario(
      String description, String environment, Consumer<SmtpMockContainer> copy) {}
}
