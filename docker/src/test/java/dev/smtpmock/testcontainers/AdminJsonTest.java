package dev.smtpmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpmock.testcontainers.SmtpMockClient.Message;
import dev.smtpmock.testcontainers.SmtpMockClient.Problem;
import dev.smtpmock.testcontainers.SmtpMockClient.Session;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The admin API's JSON (SPEC 6's examples) read into the client's records. */
class AdminJsonTest {

  @Test
  void readsAMessageAsSpecSixShowsIt() {
    List<Message> messages =
        AdminJson.messages(
            """
            [{"id":"1A2B3C4D5E6F","sessionId":"S000001","connection":1,"sequence":17,
              "status":"accepted","reply":"250 2.0.0 Ok: queued as 1A2B3C4D5E6F",
              "from":"a@b.test","fromParams":{"SIZE":"1234","BODY":"8BITMIME"},
              "recipients":[{"address":"c@d.test","params":{"NOTIFY":"SUCCESS"},
                "reply":"250 2.0.0 Ok: queued as 1A2B3C4D5E6F","status":"accepted"}],
              "subject":"Hi","size":1234,"truncated":false,"receivedAt":"2026-11-23T10:00:00.123Z",
              "headers":[["Subject","Hi"],["Received","x"],["received","y"]],
              "addedLater":{"ignored":true}}]
            """,
            id -> "Subject: Hi\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    Message m = messages.get(0);
    assertThat(m.id()).isEqualTo("1A2B3C4D5E6F");
    assertThat(m.sessionId()).isEqualTo("S000001");
    assertThat(m.connection()).isEqualTo(1);
    assertThat(m.sequence()).isEqualTo(17);
    assertThat(m.status()).isEqualTo(Message.Status.ACCEPTED);
    assertThat(m.sender()).isEqualTo("a@b.test");
    assertThat(m.senderParameters())
        .containsExactly(
            org.assertj.core.api.Assertions.entry("SIZE", "1234"),
            org.assertj.core.api.Assertions.entry("BODY", "8BITMIME"));
    assertThat(m.recipients())
        .containsExactly(
            new Message.Recipient(
                "c@d.test",
                java.util.Map.of("NOTIFY", "SUCCESS"),
                "250 2.0.0 Ok: queued as 1A2B3C4D5E6F",
                Message.Status.ACCEPTED));
    assertThat(m.size()).isEqualTo(1234);
    assertThat(m.receivedAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00.123Z"));
    assertThat(m.header("SUBJECT")).isEqualTo("Hi");
    assertThat(m.headerValues("Received")).containsExactly("x", "y");
    assertThat(m.data()).asString().isEqualTo("Subject: Hi\r\n\r\n");
  }

  @Test
  void readsASessionWithTlsAndAFiredRule() {
    Session s =
        AdminJson.sessions(
                """
                [{"id":"S000002","connection":2,"client":"172.17.0.1:40000",
                  "startedAt":"2026-11-23T10:00:00.000Z","endedAt":null,
                  "tls":{"protocol":"TLSv1.3","cipher":"TLS_AES_128_GCM_SHA256"},"user":null,
                  "end":"client-closed",
                  "lines":[{"at":"2026-11-23T10:00:00.001Z","dir":"S","text":"220 hi","rule":null},
                           {"at":"2026-11-23T10:00:00.002Z","dir":"C","text":"MAIL FROM:<a@b>","rule":null},
                           {"at":"2026-11-23T10:00:00.003Z","dir":"S","text":"451 4.7.1 Later",
                            "rule":{"name":"greylist","source":"greylisting.yaml","line":3,"column":5}}]}]
                """)
            .get(0);

    assertThat(s.endedAt()).isNull();
    assertThat(s.end()).isEqualTo(Session.End.CLIENT_CLOSED);
    assertThat(s.tls()).isEqualTo(new Session.Tls("TLSv1.3", "TLS_AES_128_GCM_SHA256"));
    assertThat(s.user()).isNull();
    assertThat(s.commands()).containsExactly("MAIL FROM:<a@b>");
    assertThat(s.replies()).containsExactly("220 hi", "451 4.7.1 Later");
    assertThat(s.lines().get(2).rule())
        .isEqualTo(new Session.Rule("greylist", "greylisting.yaml", 3, 5));
    assertThat(s.clientAddress()).isEqualTo("172.17.0.1:40000");
    assertThat(s.lines().get(1).direction()).isEqualTo(Session.Direction.CLIENT);
    assertThat(s)
        .hasToString(
            """
            session S000002 (connection 2 from 172.17.0.1:40000, ended: CLIENT_CLOSED)
            S: 220 hi
            C: MAIL FROM:<a@b>
            S: 451 4.7.1 Later    [rule greylist (greylisting.yaml:3:5)]""");
  }

  @Test
  void readsTheProblemsOfAnInvalidScenario() {
    List<Problem> problems =
        AdminJson.problems(
            """
            {"error":"invalid scenario","problems":[{"source":"PUT /api/scenario","line":2,
             "column":7,"severity":"error","message":"unknown key 'replay'"}]}
            """);

    assertThat(problems)
        .containsExactly(
            new Problem("PUT /api/scenario", 2, 7, Problem.Severity.ERROR, "unknown key 'replay'"));
    assertThat(problems.get(0)).hasToString("PUT /api/scenario:2:7: error: unknown key 'replay'");
    assertThat(AdminJson.problems("{\"error\":\"unauthorized\",\"status\":401}")).isEmpty();
    assertThat(AdminJson.problems("not json")).isEmpty();
  }

  @Test
  void readsStats() {
    SmtpMockClient.Stats stats =
        AdminJson.stats(
            """
            {"accepted":3,"rejected":1,"incomplete":0,"evictedMessages":0,"evictedSessions":0,
             "connections":4,"rules":[{"name":"greylist","fired":2}]}
            """);

    assertThat(stats.accepted()).isEqualTo(3);
    assertThat(stats.connections()).isEqualTo(4);
    assertThat(stats.fired("greylist")).isEqualTo(2);
    assertThat(stats.fired("nope")).isZero();
  }

  @Test
  void aClientNeedsAnHttpUrl() {
    assertThat(SmtpMockClient.create("http://localhost:8025/").adminUrl())
        .hasToString("http://localhost:8025");
    assertThatThrownBy(() -> SmtpMockClient.create("localhost:8025"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
