package dev.smtpmock.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.smtpmock.assertions.Dialogue.Exchange;
import dev.smtpmock.assertions.Dialogue.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How transcripts are read as exchanges, on transcripts written the way core writes them. */
class DialogueTest {

  @Test
  void pairsEachReplyWithWhatItAnswers() {
    List<Exchange> exchanges =
        Dialogue.of(
            session(
                "S: 220 smtpmock.test ESMTP smtpmock",
                "C: EHLO client.test",
                "S: 250-smtpmock.test\r\n250 STARTTLS",
                "C: STARTTLS",
                "S: 220 2.0.0 Ready to start TLS",
                "S: (TLS established: TLSv1.3, TLS_AES_128_GCM_SHA256)",
                "C: AUTH LOGIN",
                "S: 334 VXNlcm5hbWU6",
                "C: YXBw",
                "S: 334 UGFzc3dvcmQ6",
                "C: c2VjcmV0",
                "S: 235 2.7.0 Authentication successful",
                "C: MAIL FROM:<a@example.test>",
                "S: 250 2.1.0 Ok",
                "C: RCPT TO:<b@example.test>",
                "S: 250 2.1.5 Ok",
                "C: DATA",
                "S: 354 End data with <CR><LF>.<CR><LF>",
                "C: (message data: 42 bytes)",
                "S: 250 2.0.0 Ok: queued as 0123456789AB",
                "C: BDAT 10 LAST",
                "C: (10 bytes of chunk data)",
                "S: 503 5.5.1 Error: need MAIL command",
                "C: (12 bytes of input discarded)",
                "C: QUIT",
                "S: (fault: disconnect)"));

    assertThat(exchanges)
        .extracting(Exchange::kind, Exchange::verb, Exchange::code)
        .containsExactly(
            tuple(Kind.CONNECT, "", 220),
            tuple(Kind.COMMAND, "EHLO", 250),
            tuple(Kind.COMMAND, "STARTTLS", 220),
            tuple(Kind.TLS_ESTABLISHED, "", -1),
            tuple(Kind.COMMAND, "AUTH", 334),
            tuple(Kind.AUTH_RESPONSE, "", 334),
            tuple(Kind.AUTH_RESPONSE, "", 235),
            tuple(Kind.COMMAND, "MAIL", 250),
            tuple(Kind.COMMAND, "RCPT", 250),
            tuple(Kind.COMMAND, "DATA", 354),
            tuple(Kind.MESSAGE, "", 250),
            tuple(Kind.COMMAND, "BDAT", 503),
            tuple(Kind.COMMAND, "QUIT", -1));
    assertThat(exchanges.get(12).reply()).isEqualTo("(fault: disconnect)");
  }

  @Test
  void commandWithoutAReplyIsKept() {
    List<Exchange> exchanges =
        Dialogue.of(
            session(
                "S: 220 smtpmock.test ESMTP smtpmock",
                "C: EHLO client.test",
                "C: MAIL FROM:<a@example.test>"));

    assertThat(exchanges)
        .extracting(Exchange::text)
        .containsExactly("(connect)", "EHLO client.test", "MAIL FROM:<a@example.test>");
    assertThat(exchanges.get(1).reply()).isNull();
  }

  @Test
  void retryKeyIgnoresParametersButNotTheAddress() {
    List<Exchange> exchanges =
        Dialogue.of(
            session(
                "C: MAIL FROM:<A@example.test> SIZE=100",
                "S: 250 2.1.0 Ok",
                "C: mail from:<a@example.test> SIZE=120",
                "S: 250 2.1.0 Ok",
                "C: RCPT TO:<b@example.test>",
                "S: 250 2.1.5 Ok"));

    assertThat(exchanges.get(1).retryKey()).isEqualTo(exchanges.get(2).retryKey());
    assertThat(exchanges.get(3).retryKey()).isEqualTo("RCPT b@example.test");
  }

  private static CapturedSession session(String... lines) {
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    List<TestLine> transcript = new ArrayList<>();
    for (String line : lines) {
      at = at.plusMillis(1);
      transcript.add(new TestLine(at, line.startsWith("C: "), line.substring(3)));
    }
    return new TestSession("S000001", Instant.parse("2026-01-01T00:00:00Z"), transcript);
  }

  private record TestLine(Instant at, boolean fromClient, String text)
      implements CapturedSession.Line {}

  private record TestSession(String id, Instant startedAt, List<TestLine> lines)
      implements CapturedSession {
    @Override
    public Enum<?> end() {
      return null;
    }
  }
}
