package dev.smtpmock.testcontainers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpmock.testcontainers.SmtpMockClient.Message;
import dev.smtpmock.testcontainers.SmtpMockClient.Problem;
import dev.smtpmock.testcontainers.SmtpMockClient.ScenarioUpdate;
import dev.smtpmock.testcontainers.SmtpMockClient.Session;
import dev.smtpmock.testcontainers.SmtpMockClient.Stats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the admin API's JSON (SPEC 6) into {@link SmtpMockClient}'s records. By hand from the tree,
 * so that the records need no annotations and a field the API adds later is simply ignored.
 */
final class AdminJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AdminJson() {}

  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SmtpMockClientException("the admin API answered with bad JSON: " + json, e);
    }
  }

  /**
   * The messages of a JSON array, each given its data by {@code raw} (the JSON has none).
   *
   * @param raw the data of the message with this id
   */
  static List<Message> messages(String json, Function<String, byte[]> raw) {
    return list(tree(json), m -> message(m, raw));
  }

  static List<Session> sessions(String json) {
    return list(tree(json), AdminJson::session);
  }

  static Message message(JsonNode m, Function<String, byte[]> raw) {
    return new Message(
        text(m, "id"),
        text(m, "sessionId"),
        m.path("connection").asInt(),
        m.path("sequence").asLong(),
        constant(Message.Status.class, text(m, "status")),
        text(m, "reply"),
        text(m, "from"),
        strings(m.path("fromParams")),
        list(
            m.path("recipients"),
            r ->
                new Message.Recipient(
                    text(r, "address"),
                    strings(r.path("params")),
                    text(r, "reply"),
                    constant(Message.Status.class, text(r, "status")))),
        text(m, "subject"),
        text(m, "subjectDecoded"),
        m.path("size").asLong(),
        m.path("truncated").asBoolean(),
        instant(text(m, "receivedAt")),
        list(m.path("headers"), h -> new Message.Header(h.path(0).asText(), h.path(1).asText())),
        raw.apply(text(m, "id")));
  }

  static Session session(JsonNode s) {
    JsonNode tls = s.path("tls");
    return new Session(
        text(s, "id"),
        s.path("connection").asInt(),
        text(s, "client"),
        instant(text(s, "startedAt")),
        instant(text(s, "endedAt")),
        tls.isObject() ? new Session.Tls(text(tls, "protocol"), text(tls, "cipher")) : null,
        text(s, "user"),
        constant(Session.End.class, text(s, "end")),
        list(
            s.path("lines"),
            l ->
                new Session.Line(
                    instant(text(l, "at")),
                    "C".equals(text(l, "dir"))
                        ? Session.Direction.CLIENT
                        : Session.Direction.SERVER,
                    text(l, "text"),
                    rule(l.path("rule")))));
  }

  static ScenarioUpdate scenarioUpdate(String json) {
    JsonNode answer = tree(json);
    return new ScenarioUpdate(
        text(answer, "scenario"), list(answer.path("warnings"), AdminJson::problem));
  }

  static Stats stats(String json) {
    JsonNode s = tree(json);
    return new Stats(
        s.path("accepted").asLong(),
        s.path("rejected").asLong(),
        s.path("incomplete").asLong(),
        s.path("evictedMessages").asLong(),
        s.path("evictedSessions").asLong(),
        s.path("connections").asLong(),
        list(s.path("rules"), r -> new Stats.RuleStat(text(r, "name"), r.path("fired").asLong())));
  }

  /** The problems of an error answer ({@code 400 invalid scenario}); empty for any other body. */
  static List<Problem> problems(String body) {
    try {
      return list(MAPPER.readTree(body).path("problems"), AdminJson::problem);
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }

  private static Problem problem(JsonNode p) {
    return new Problem(
        text(p, "source"),
        p.path("line").asInt(),
        p.path("column").asInt(),
        "warning".equalsIgnoreCase(text(p, "severity"))
            ? Problem.Severity.WARNING
            : Problem.Severity.ERROR,
        text(p, "message"));
  }

  private static Session.Rule rule(JsonNode r) {
    return r.isObject()
        ? new Session.Rule(
            text(r, "name"), text(r, "source"), r.path("line").asInt(), r.path("column").asInt())
        : null;
  }

  private static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
    List<T> list = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(node -> list.add(element.apply(node)));
    }
    return list;
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    if (object.isObject()) {
      object
          .properties()
          .forEach(e -> map.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
    }
    return map;
  }

  /** The field's text; null when it is absent or JSON null. */
  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }

  /** {@code client-closed} → {@code CLIENT_CLOSED}; null stays null. */
  private static <E extends Enum<E>> E constant(Class<E> type, String text) {
    return text == null
        ? null
        : Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
