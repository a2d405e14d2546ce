package dev.smtpmock.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockStats;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.assertions.MessagePart;
import dev.smtpmock.assertions.MimeView;
import dev.smtpmock.scenario.ScenarioProblem;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shapes of SPEC 6, as records that Jackson writes in declaration order. Made from core's
 * types here and nowhere else, so the wire format lives in one file.
 */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** ISO-8601 UTC with exactly milliseconds, as in SPEC 6's example. */
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Json() {}

  static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String string(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String time(Instant instant) {
    return instant == null ? null : TIME.format(instant);
  }

  static String lower(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  record Message(
      String id,
      String sessionId,
      int connection,
      long sequence,
      String status,
      String reply,
      String from,
      Map<String, String> fromParams,
      List<Recipient> recipients,
      String subject,
      String subjectDecoded,
      long size,
      boolean truncated,
      String receivedAt,
      List<List<String>> headers) {
    static Message of(ReceivedMessage m) {
      return new Message(
          m.id(),
          m.sessionId(),
          m.connection(),
          m.sequence(),
          lower(m.status()),
          m.reply(),
          m.sender(),
          m.senderParameters(),
          m.recipients().stream().map(Recipient::of).toList(),
          m.subject(),
          MimeView.decodeHeader(m.subject()),
          m.size(),
          m.truncated(),
          time(m.receivedAt()),
          m.headers().stream().map(h -> List.of(h.name(), h.value())).toList());
    }
  }

  /** Under LMTP each recipient's own reply and status (SPEC 8); under SMTP the message's. */
  record Recipient(String address, Map<String, String> params, String reply, String status) {
    static Recipient of(ReceivedMessage.Recipient r) {
      return new Recipient(r.address(), r.parameters(), r.reply(), lower(r.status()));
    }
  }

  /** A leaf part of {@code /api/messages/{id}/parts}: decoded text, or base64 of the bytes. */
  record Part(
      int index,
      String contentType,
      String charset,
      String filename,
      String disposition,
      int size,
      String text,
      String base64) {
    static Part of(MessagePart p) {
      return new Part(
          p.index(),
          p.contentType(),
          p.charset(),
          p.filename(),
          p.disposition(),
          p.size(),
          p.text(),
          p.isText() ? null : Base64.getEncoder().encodeToString(p.content()));
    }
  }

  record Session(
      String id,
      int connection,
      String client,
      String startedAt,
      String endedAt,
      Tls tls,
      String user,
      String end,
      List<Line> lines) {
    static Session of(SmtpSession s) {
      return new Session(
          s.id(),
          s.connection(),
          s.clientAddress(),
          time(s.startedAt()),
          time(s.endedAt()),
          s.tlsProtocol() == null ? null : new Tls(s.tlsProtocol(), s.tlsCipher()),
          s.user(),
          lower(s.end()),
          s.lines().stream().map(Line::of).toList());
    }
  }

  record Tls(String protocol, String cipher) {}

  /** A transcript line; also the live log's {@code --log-format json} object, with ts. */
  record Line(String at, String dir, String text, Rule rule) {
    static Line of(SmtpSession.Line l) {
      return new Line(time(l.at()), direction(l.direction()), l.text(), Rule.of(l.rule()));
    }
  }

  record Rule(String name, String source, int line, int column) {
    static Rule of(SmtpSession.RuleRef r) {
      return r == null ? null : new Rule(r.name(), r.source(), r.line(), r.column());
    }
  }

  /** One line of {@code run --log-format json}: SPEC 6 names ts, session, dir, text, rule. */
  record LogLine(String ts, String session, String dir, String text, Rule rule) {
    static LogLine of(String session, SmtpSession.Line l) {
      return new LogLine(
          time(l.at()), session, direction(l.direction()), l.text(), Rule.of(l.rule()));
    }
  }

  record Stats(
      long accepted,
      long rejected,
      long incomplete,
      long evictedMessages,
      long evictedSessions,
      long connections,
      List<RuleStat> rules) {
    static Stats of(SmtpMockStats s) {
      return new Stats(
          s.accepted(),
          s.rejected(),
          s.incomplete(),
          s.evictedMessages(),
          s.evictedSessions(),
          s.connections(),
          s.rules().stream().map(r -> new RuleStat(r.name(), r.fired())).toList());
    }
  }

  record RuleStat(String name, long fired) {}

  record Problem(String source, int line, int column, String severity, String message) {
    static Problem of(ScenarioProblem p) {
      return new Problem(p.source(), p.line(), p.column(), lower(p.severity()), p.message());
    }
  }

  record ScenarioSwapped(String scenario, List<Problem> warnings) {}

  record InvalidScenario(String error, int status, List<Problem> problems) {}

  record Error(String error, int status) {}

  record Health(String status) {}

  /**
   * The ready line of {@code run --log-format json}: the text line's fields. The seed is a string
   * because jq and JavaScript read JSON numbers as doubles, which would round most seeds, and a
   * seed is only any use when handed back to {@code --seed} exactly.
   */
  record Ready(String event, String smtp, String admin, String scenario, String seed) {}

  static String direction(SmtpSession.Direction direction) {
    return direction == SmtpSession.Direction.CLIENT ? "C" : "S";
  }
}
