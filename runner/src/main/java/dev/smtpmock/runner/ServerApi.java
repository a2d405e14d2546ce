package dev.smtpmock.runner;

import com.sun.net.httpserver.HttpExchange;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.scenario.InvalidScenarioException;
import dev.smtpmock.scenario.Scenario;
import dev.smtpmock.scenario.ScenarioProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The rest of the admin API: sessions, the scenario, reset, stats, the test CA, health, the
 * scenario JSON Schema for editors, and the OpenAPI document that describes all of it.
 */
final class ServerApi {
  /** Names a scenario sent over HTTP in its problems; its default name is then "scenario". */
  static final String PUT_SOURCE = "PUT /api/scenario";

  /** The admin API's wire vocabulary (SPEC 6); the runner's and the client's tests check it. */
  static final String OPENAPI = "openapi.json";

  /** The scenario JSON Schema, at the root of the core jar. */
  static final String SCHEMA = "/smtpmock-scenario.schema.json";

  /** The media type the JSON Schema specification defines for schemas. */
  static final String SCHEMA_JSON = "application/schema+json";

  /** {@code PUT /api/scenario?builtin=NAME}: a built-in by name instead of a body. */
  private static final String BUILTIN = "builtin";

  private final SmtpMockServer smtp;

  ServerApi(SmtpMockServer smtp) {
    this.smtp = smtp;
  }

  void register(Router router) {
    router
        .get("/health", (exchange, path) -> Http.json(exchange, 200, new Json.Health("UP")))
        .get("/api/sessions", List.of("limit", "offset"), (exchange, path) -> sessions(exchange))
        .get("/api/scenario", (exchange, path) -> scenario(exchange))
        .put("/api/scenario", List.of(BUILTIN), (exchange, path) -> swap(exchange))
        .post("/api/reset", (exchange, path) -> reset(exchange))
        .get(
            "/api/stats", (exchange, path) -> Http.json(exchange, 200, Json.Stats.of(smtp.stats())))
        .get("/api/tls/ca.pem", (exchange, path) -> caPem(exchange))
        .get(
            "/api/schema",
            (exchange, path) -> Http.send(exchange, 200, SCHEMA_JSON, resource(SCHEMA)))
        .get(
            "/api/openapi.json",
            (exchange, path) -> Http.send(exchange, 200, Http.JSON, resource(OPENAPI)));
  }

  private void sessions(HttpExchange exchange) throws IOException {
    Page page = Page.of(Http.query(exchange));
    Http.json(
        exchange,
        200,
        page.select(exchange, smtp.sessions()).stream().map(Json.Session::of).toList());
  }

  private void scenario(HttpExchange exchange) throws IOException {
    byte[] yaml = smtp.scenario().toYaml().getBytes(StandardCharsets.UTF_8);
    Http.send(exchange, 200, "application/yaml; charset=utf-8", yaml);
  }

  private void swap(HttpExchange exchange) throws IOException {
    byte[] body = Http.body(exchange);
    String builtIn = Http.query(exchange).get(BUILTIN);
    Scenario scenario;
    try {
      scenario =
          builtIn == null
              ? Scenario.parse(new String(body, StandardCharsets.UTF_8), PUT_SOURCE)
              : builtIn(builtIn, body);
      smtp.scenario(scenario);
    } catch (InvalidScenarioException e) {
      invalid(exchange, e.problems());
      return;
    } catch (IllegalArgumentException e) {
      // e.g. a change of tls.implicit (SPEC 4.1): reported in the same shape as a load error
      invalid(
          exchange,
          List.of(
              new ScenarioProblem(
                  PUT_SOURCE, 0, 0, ScenarioProblem.Severity.ERROR, e.getMessage())));
      return;
    }
    List<Json.Problem> warnings = scenario.warnings().stream().map(Json.Problem::of).toList();
    Http.json(exchange, 200, new Json.ScenarioSwapped(scenario.name(), warnings));
  }

  /**
   * The built-in that {@code builtin=} names. Only a bare name: the parameter must not become a way
   * to make the runner read a file or resource a client names.
   */
  private static Scenario builtIn(String name, byte[] body) {
    if (body.length > 0) {
      throw new HttpError(
          400,
          "PUT /api/scenario?builtin=NAME takes an empty body: send a scenario or name a"
              + " built-in, not both");
    }
    if (!ScenarioReference.isName(name)) {
      throw new HttpError(
          400,
          "builtin takes a built-in scenario's name, not a file or class-path reference: '"
              + name
              + "'");
    }
    try {
      return Scenario.resolve(name);
    } catch (InvalidScenarioException e) {
      if (Scenario.builtIns().contains(name)) {
        throw e; // a broken built-in: its problems, as for a scenario sent as the body
      }
      // core's words for an unknown name: the did-you-mean and the list of built-ins
      throw new HttpError(404, e.problems().get(0).message());
    }
  }

  private static void invalid(HttpExchange exchange, List<ScenarioProblem> problems)
      throws IOException {
    Http.json(
        exchange,
        400,
        new Json.InvalidScenario(
            "invalid scenario", 400, problems.stream().map(Json.Problem::of).toList()));
  }

  private void reset(HttpExchange exchange) throws IOException {
    smtp.reset();
    Http.noContent(exchange);
  }

  /**
   * A resource of the runner's or core's jar, relative to this class's package unless it starts
   * with {@code /}. Read per request: these are asked for rarely, and the jar is the one copy.
   */
  static byte[] resource(String name) {
    try (InputStream in = ServerApi.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void caPem(HttpExchange exchange) throws IOException {
    byte[] pem = smtp.caCertificatePem().getBytes(StandardCharsets.US_ASCII);
    Http.send(exchange, 200, "application/x-pem-file", pem);
  }
}
