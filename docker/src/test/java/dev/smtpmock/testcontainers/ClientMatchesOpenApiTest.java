package dev.smtpmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SmtpMockClient's records against the runner's OpenAPI document, without Docker: for each answer
 * the client reads, JSON made from the document's schema goes through the client's own reading
 * ({@link AdminJson}), and the records that come out must have exactly the document's properties as
 * components (under core's names where core names them otherwise, plus the data that {@code /raw}
 * gives), each holding the value that was sent. Every enum value and every null the document allows
 * is sent once, and each JSON enum value must map to its own Java constant.
 */
class ClientMatchesOpenApiTest {
  private static final JsonNode DOCUMENT = document();

  /** Five variants reach every value of the longest enum (a session's five ends). */
  private static final int VARIANTS = 5;

  /** The records take smtpmock-core's names: JSON property → record component. */
  private static final Map<String, String> CORE_NAMES =
      Map.of(
          "from", "sender",
          "fromParams", "senderParameters",
          "params", "parameters",
          "client", "clientAddress",
          "dir", "direction");

  /** What a message's data reads as here: the client takes it from /raw, not from the JSON. */
  private static final byte[] DATA = "Subject: x\r\n\r\n".getBytes(StandardCharsets.UTF_8);

  /** An answer the client reads: the response's schema, the property it reads, how it reads. */
  record Answer(String operation, String pointer, String property, Function<String, Object> read) {
    @Override
    public String toString() {
      return operation;
    }
  }

  static List<Answer> answers() {
    return List.of(
        new Answer(
            "GET /api/messages",
            response("/api/messages", "get", "200"),
            null,
            json -> AdminJson.messages(json, id -> DATA)),
        new Answer(
            "GET /api/messages/{id}",
            response("/api/messages/{id}", "get", "200"),
            null,
            json -> AdminJson.message(AdminJson.tree(json), id -> DATA)),
        new Answer(
            "GET /api/sessions",
            response("/api/sessions", "get", "200"),
            null,
            AdminJson::sessions),
        new Answer("GET /api/stats", response("/api/stats", "get", "200"), null, AdminJson::stats),
        new Answer(
            "PUT /api/scenario 200",
            response("/api/scenario", "put", "200"),
            null,
            AdminJson::scenarioUpdate),
        new Answer(
            "PUT /api/scenario 400",
            response("/api/scenario", "put", "400"),
            "problems",
            AdminJson::problems));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void theClientReadsEveryPropertyTheDocumentGivesAndNoOther(Answer answer) {
    JsonNode schema = DOCUMENT.at(answer.pointer());
    JsonNode read = answer.property() == null ? schema : property(schema, answer.property());
    Map<Class<?>, Map<String, Object>> enums = new HashMap<>();
    for (int variant = 0; variant <= VARIANTS; variant++) {
      JsonNode json =
          new OpenApiExamples(DOCUMENT, variant, variant == VARIANTS).example(schema, "x");
      Object records = answer.read().apply(json.toString());
      JsonNode part = answer.property() == null ? json : json.get(answer.property());
      new Comparison(enums).compare(read, part, records, answer.operation());
    }
    enums.forEach(
        (type, mapping) -> {
          assertThat(new TreeSet<>(mapping.values().stream().map(Object::toString).toList()))
              .as(type.getSimpleName() + ": one Java constant per JSON value, every constant used")
              .hasSize(mapping.size())
              .hasSameSizeAs(EnumSet.allOf(type.asSubclass(Enum.class)));
        });
  }

  /** Walks schema, JSON and the records read from it side by side. */
  private record Comparison(Map<Class<?>, Map<String, Object>> enums) {
    void compare(JsonNode schemaNode, JsonNode json, Object java, String path) {
      if (json.isNull()) {
        assertThat(java).as(path + " is null in the JSON").isNull();
        return;
      }
      JsonNode schema = OpenApiExamples.nonNull(DOCUMENT, schemaNode);
      List<String> types = OpenApiExamples.types(schema);
      if (schema.has("properties")) {
        record(schema, json, java, path);
      } else if (types.contains("object")) {
        assertThat(java).as(path).isInstanceOf(Map.class);
        Map<?, ?> map = (Map<?, ?>) java;
        assertThat(new ArrayList<Object>(map.keySet()))
            .as(path)
            .containsExactlyElementsOf(fieldNames(json));
        map.forEach(
            (k, v) ->
                compare(
                    schema.path("additionalProperties"), json.get((String) k), v, path + "/" + k));
      } else if (schema.has("prefixItems")) {
        RecordComponent[] components = java.getClass().getRecordComponents();
        assertThat(components)
            .as(path + ": one component per tuple item")
            .hasSize(schema.get("prefixItems").size());
        for (int i = 0; i < components.length; i++) {
          compare(
              schema.get("prefixItems").get(i),
              json.get(i),
              value(components[i], java),
              path + "/" + i);
        }
      } else if (types.contains("array")) {
        assertThat(java).as(path).isInstanceOf(List.class);
        List<?> list = (List<?>) java;
        assertThat(list).as(path).hasSize(json.size());
        IntStream.range(0, list.size())
            .forEach(i -> compare(schema.path("items"), json.get(i), list.get(i), path + "/" + i));
      } else if (schema.has("enum")) {
        assertThat(java).as(path).isInstanceOf(Enum.class);
        Object earlier =
            enums
                .computeIfAbsent(java.getClass(), c -> new HashMap<>())
                .putIfAbsent(json.asText(), java);
        assertThat(earlier == null || earlier == java)
            .as(path + ": " + json + " read as one constant")
            .isTrue();
      } else if ("date-time".equals(schema.path("format").asText())) {
        assertThat(java).as(path).isEqualTo(Instant.parse(json.asText()));
      } else if (types.contains("integer")) {
        assertThat(((Number) java).longValue()).as(path).isEqualTo(json.asLong());
      } else if (types.contains("boolean")) {
        assertThat(java).as(path).isEqualTo(json.asBoolean());
      } else {
        assertThat(java).as(path).isEqualTo(json.asText());
      }
    }

    private void record(JsonNode schema, JsonNode json, Object java, String path) {
      assertThat(java).as(path).isNotNull();
      assertThat(java.getClass().isRecord()).as(path + ": " + java.getClass()).isTrue();
      Set<String> components = new TreeSet<>();
      for (RecordComponent c : java.getClass().getRecordComponents()) {
        if (c.getName().equals("data") && java instanceof SmtpMockClient.Message m) {
          assertThat(m.data()).as(path + "/data, from /raw").isEqualTo(DATA);
        } else {
          components.add(c.getName());
        }
      }
      assertThat(components)
          .as(
              path
                  + ": the components of "
                  + java.getClass().getSimpleName()
                  + " are the document's properties")
          .isEqualTo(
              new TreeSet<>(
                  fieldNames(schema.get("properties")).stream()
                      .map(p -> CORE_NAMES.getOrDefault(p, p))
                      .toList()));
      for (String property : fieldNames(schema.get("properties"))) {
        RecordComponent c = component(java, CORE_NAMES.getOrDefault(property, property));
        compare(
            schema.get("properties").get(property),
            json.get(property),
            value(c, java),
            path + "/" + property);
      }
    }

    private static RecordComponent component(Object record, String name) {
      return Arrays.stream(record.getClass().getRecordComponents())
          .filter(c -> c.getName().equals(name))
          .findFirst()
          .orElseThrow();
    }

    private static Object value(RecordComponent component, Object record) {
      try {
        return component.getAccessor().invoke(record);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static JsonNode property(JsonNode schema, String name) {
    return OpenApiExamples.nonNull(DOCUMENT, schema).path("properties").path(name);
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String response(String path, String method, String status) {
    return "/paths/"
        + path.replace("/", "~1")
        + "/"
        + method
        + "/responses/"
        + status
        + "/content/application~1json/schema";
  }

  private static JsonNode document() {
    try (InputStream in = ClientMatchesOpenApiTest.class.getResourceAsStream("openapi.json")) {
      assertThat(in).as("openapi.json, copied from runner/ by the pom").isNotNull();
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
