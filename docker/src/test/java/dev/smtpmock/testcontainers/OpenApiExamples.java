package dev.smtpmock.testcontainers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a JSON value from a schema of the OpenAPI document: every property present, each string,
 * number and time different from all others (so a field read into the wrong component shows), and
 * enum values and nulls chosen by the variant (so that all of them are read once across variants).
 */
final class OpenApiExamples {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Instant BASE = Instant.parse("2026-11-23T10:00:00Z");

  private final JsonNode document;
  private final int variant;
  private final boolean nulls;
  private int counter;

  /**
   * @param variant picks enum value {@code variant % size}
   * @param nulls whether every nullable value is null
   */
  OpenApiExamples(JsonNode document, int variant, boolean nulls) {
    this.document = document;
    this.variant = variant;
    this.nulls = nulls;
  }

  /** The schema a {@code $ref} points at (within the document), or the schema itself. */
  static JsonNode resolve(JsonNode document, JsonNode schema) {
    JsonNode ref = schema.path("$ref");
    return ref.isMissingNode() ? schema : resolve(document, document.at(ref.asText().substring(1)));
  }

  /** The branch of a {@code oneOf: [X, {type: null}]} that is not null; any other schema as is. */
  static JsonNode nonNull(JsonNode document, JsonNode schema) {
    JsonNode resolved = resolve(document, schema);
    for (JsonNode branch : resolved.path("oneOf")) {
      if (!types(branch).contains("null")) {
        return resolve(document, branch);
      }
    }
    return resolved;
  }

  static boolean nullable(JsonNode document, JsonNode schema) {
    JsonNode resolved = resolve(document, schema);
    for (JsonNode branch : resolved.path("oneOf")) {
      if (types(branch).contains("null")) {
        return true;
      }
    }
    return types(resolved).contains("null");
  }

  static List<String> types(JsonNode schema) {
    List<String> types = new ArrayList<>();
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else if (type.isTextual()) {
      types.add(type.asText());
    }
    return types;
  }

  JsonNode example(JsonNode schema, String name) {
    if (nulls && nullable(document, schema)) {
      return NullNode.getInstance();
    }
    JsonNode s = nonNull(document, schema);
    if (s.has("const")) {
      return s.get("const");
    }
    if (s.has("enum")) {
      List<JsonNode> values = new ArrayList<>();
      s.get("enum").forEach(v -> values.add(v.isNull() ? null : v));
      values.removeIf(v -> v == null);
      return values.get(variant % values.size());
    }
    List<String> types = types(s);
    types.remove("null");
    return switch (types.get(0)) {
      case "object" -> object(s, name);
      case "array" -> array(s, name);
      case "integer" -> JSON.numberNode(s.path("minimum").asLong(0) + ++counter);
      case "boolean" -> JSON.booleanNode(variant % 2 == 0);
      default -> string(s, name);
    };
  }

  private JsonNode object(JsonNode schema, String name) {
    ObjectNode object = JSON.objectNode();
    if (schema.has("properties")) {
      schema
          .get("properties")
          .properties()
          .forEach(p -> object.set(p.getKey(), example(p.getValue(), p.getKey())));
    } else {
      object.set(
          name.toUpperCase() + ++counter, example(schema.path("additionalProperties"), name));
    }
    return object;
  }

  private JsonNode array(JsonNode schema, String name) {
    ArrayNode array = JSON.arrayNode();
    if (schema.has("prefixItems")) {
      schema.get("prefixItems").forEach(item -> array.add(example(item, name)));
    } else {
      array.add(example(schema.path("items"), name));
    }
    return array;
  }

  private JsonNode string(JsonNode schema, String name) {
    if (schema.has("examples")) {
      return schema.get("examples").get(0);
    }
    if ("date-time".equals(schema.path("format").asText())) {
      return JSON.textNode(BASE.plusMillis(++counter).toString());
    }
    return JSON.textNode(name + "-" + ++counter);
  }
}
