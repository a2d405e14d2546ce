package dev.smtpmock.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The runner's {@code openapi.json} as a test oracle: finds the operation and response the document
 * gives for an exchange, checks status, content type, headers, query parameter names and the JSON
 * body against it, and remembers which responses were seen, so that a test can require every
 * response the document lists to have been served.
 */
final class OpenApiContract {
  /** The copy in the jar, the one {@code GET /api/openapi.json} serves. */
  private static final String LOCATION = "classpath:dev/smtpmock/runner/" + ServerApi.OPENAPI;

  private final JsonNode document;
  private final JsonSchemaFactory schemas =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  // 2020-12 treats format as an annotation only; a receivedAt that is no date-time is drift too
  private final SchemaValidatorsConfig config =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private final Set<String> served = new TreeSet<>();

  OpenApiContract() {
    try (InputStream in = ServerApi.class.getResourceAsStream(ServerApi.OPENAPI)) {
      document = Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode document() {
    return document;
  }

  /** Every response the document lists, as {@code METHOD PATH STATUS}; {@code default} aside. */
  Set<String> listed() {
    Set<String> listed = new TreeSet<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op ->
                            op.getValue()
                                .path("responses")
                                .fieldNames()
                                .forEachRemaining(
                                    status -> {
                                      if (!status.equals("default")) {
                                        listed.add(key(op.getKey(), path.getKey(), status));
                                      }
                                    })));
    document
        .at("/components/responses")
        .fieldNames()
        .forEachRemaining(name -> listed.add(component(name)));
    listed.remove(component("InternalError")); // a 500 is no response a test can ask for
    return listed;
  }

  Set<String> served() {
    return served;
  }

  /** Checks the exchange against the document; returns the response for further assertions. */
  HttpResponse<String> check(HttpResponse<String> response) {
    String method = response.request().method();
    URI uri = response.request().uri();
    String what = method + " " + uri.getRawPath() + " → " + response.statusCode();
    String template = template(uri.getRawPath());
    String pointer;
    if (template == null) {
      assertThat(response.statusCode()).as(what + ": a path the document lacks").isEqualTo(404);
      pointer = responsePointer("NotFound");
    } else {
      String operation = operationName(method);
      JsonNode op = document.path("paths").path(template).path(operation);
      if (op.isMissingNode()) {
        assertThat(response.statusCode()).as(what + ": a method the path lacks").isEqualTo(405);
        pointer = responsePointer("MethodNotAllowed");
      } else {
        checkQuery(uri, template, op, response.statusCode(), what);
        String status = Integer.toString(response.statusCode());
        String base = "/paths/" + escape(template) + "/" + operation + "/responses/";
        JsonNode listed = op.path("responses").path(status);
        assertThat(listed.isMissingNode()).as(what + ": a status the document lacks").isFalse();
        pointer = base + status;
        served.add(key(operation, template, status));
      }
    }
    checkResponse(follow(pointer), response, what, "HEAD".equals(method));
    return response;
  }

  private void checkResponse(
      String pointer, HttpResponse<String> response, String what, boolean head) {
    if (pointer.startsWith("/components/responses/")) {
      served.add(component(pointer.substring(pointer.lastIndexOf('/') + 1)));
    }
    JsonNode declared = document.at(pointer);
    declared
        .path("headers")
        .properties()
        .forEach(
            h -> {
              var value = response.headers().firstValue(h.getKey());
              if (h.getValue().path("required").asBoolean()) {
                assertThat(value).as(what + ": header " + h.getKey()).isPresent();
              }
              value.ifPresent(
                  v -> validate(pointer + "/headers/" + h.getKey() + "/schema", header(v), what));
            });
    JsonNode content = declared.path("content");
    if (content.isMissingNode()) {
      assertThat(response.body()).as(what + ": a response without content").isEmpty();
      return;
    }
    String type =
        response.headers().firstValue("Content-Type").orElse("").replaceFirst(";.*", "").trim();
    assertThat(content.has(type)).as(what + ": content type " + type).isTrue();
    // application/schema+json and the like are JSON too, and checked as such
    if ((type.equals(Http.JSON) || type.endsWith("+json")) && !head) {
      validate(pointer + "/content/" + escape(type) + "/schema", AdminClient.json(response), what);
    }
  }

  /** A header value as the JSON its schema describes: a number where the schema says integer. */
  private static JsonNode header(String value) {
    return value.matches("-?[0-9]{1,9}")
        ? IntNode.valueOf(Integer.parseInt(value))
        : TextNode.valueOf(value);
  }

  private void validate(String pointer, JsonNode value, String what) {
    assertThat(problems(pointer, value)).as(what + " against " + pointer + ": " + value).isEmpty();
  }

  /** Validates against the schema at a JSON pointer into the document, braces URI-encoded. */
  private Set<ValidationMessage> problems(String pointer, JsonNode value) {
    String fragment = pointer.replace("{", "%7B").replace("}", "%7D");
    return schemas.getSchema(SchemaLocation.of(LOCATION + "#" + fragment), config).validate(value);
  }

  /**
   * Query parameters must be ones the operation declares (their values may be wrong on purpose), or
   * else the answer must be the 400 that refuses them.
   */
  private void checkQuery(URI uri, String template, JsonNode op, int status, String what) {
    List<String> declared = new ArrayList<>();
    op.path("parameters")
        .forEach(
            p -> {
              // shared ones (limit, offset) are $refs into components/parameters
              JsonNode parameter =
                  p.has("$ref") ? document.at(p.get("$ref").asText().substring(1)) : p;
              if (parameter.path("in").asText().equals("query")) {
                declared.add(parameter.path("name").asText());
              }
            });
    String raw = uri.getRawQuery();
    if (raw == null) {
      return;
    }
    for (String pair : raw.split("&")) {
      String name = URLDecoder.decode(pair.replaceFirst("=.*", ""), StandardCharsets.UTF_8);
      if (!declared.contains(name)) {
        assertThat(status)
            .as(what + ": query parameter " + name + " that " + template + " does not declare")
            .isEqualTo(400);
      }
    }
  }

  /** The document's path for a request path: a literal one first, else one whose parameters fit. */
  private String template(String path) {
    JsonNode paths = document.path("paths");
    if (paths.has(path)) {
      return path;
    }
    String[] segments = path.split("/", -1);
    for (Map.Entry<String, JsonNode> entry : paths.properties()) {
      String[] parts = entry.getKey().split("/", -1);
      if (parts.length == segments.length && fits(entry, parts, segments)) {
        return entry.getKey();
      }
    }
    return null;
  }

  private boolean fits(Map.Entry<String, JsonNode> item, String[] parts, String[] segments) {
    for (int i = 0; i < parts.length; i++) {
      boolean parameter = parts[i].startsWith("{");
      if (!parameter && !parts[i].equals(segments[i])
          || parameter && !parameterFits(item, parts[i], segments[i])) {
        return false;
      }
    }
    return true;
  }

  /** A path segment fits a parameter when its schema (e.g. the page files' pattern) accepts it. */
  private boolean parameterFits(Map.Entry<String, JsonNode> item, String part, String segment) {
    String name = part.substring(1, part.length() - 1);
    JsonNode parameters = item.getValue().path("parameters");
    for (int i = 0; i < parameters.size(); i++) {
      if (parameters.get(i).path("name").asText().equals(name)) {
        String pointer = "/paths/" + escape(item.getKey()) + "/parameters/" + i + "/schema";
        String value = URLDecoder.decode(segment, StandardCharsets.UTF_8);
        return problems(pointer, TextNode.valueOf(value)).isEmpty();
      }
    }
    return false;
  }

  /** Follows a response's {@code $ref} (into components/responses). */
  private String follow(String pointer) {
    JsonNode ref = document.at(pointer).path("$ref");
    return ref.isMissingNode() ? pointer : ref.asText().substring(1);
  }

  private static String responsePointer(String name) {
    return "/components/responses/" + name;
  }

  private static String operationName(String method) {
    return method.equals("HEAD") ? "get" : method.toLowerCase(Locale.ROOT);
  }

  private static String key(String operation, String path, String status) {
    return operation.toUpperCase(Locale.ROOT) + " " + path + " " + status;
  }

  private static String component(String name) {
    return "components/responses/" + name;
  }

  /** A JSON pointer token (RFC 6901). */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
