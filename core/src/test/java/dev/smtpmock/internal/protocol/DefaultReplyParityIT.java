package dev.smtpmock.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.scenario.Scenario;
import dev.smtpmock.testing.PrivatePostfix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Default-reply parity (SPEC 3): each dialogue runs against a private Postfix 3.7 smtpd and against
 * smtpmock, and the replies must be equal byte for byte once queue ids are normalised. The only
 * other difference allowed is one SPEC 3 lists: EHLO advertises neither VRFY nor ETRN, so those
 * lines are taken out of Postfix's EHLO reply. smtpmock advertises Postfix's extensions in
 * Postfix's order; AUTH is left out, as this Postfix has no SASL.
 */
class DefaultReplyParityIT {
  private static final String SCENARIO =
      "server: {extensions: [PIPELINING, SIZE, ENHANCEDSTATUSCODES, 8BITMIME, DSN, SMTPUTF8,"
          + " CHUNKING]}";

  /** A Postfix smtpd configured like smtpmock's defaults, which keeps every message to itself. */
  private static final Map<String, String> LIKE_SMTPMOCK =
      Map.ofEntries(
          Map.entry("myhostname", "smtpmock.test"),
          Map.entry("smtpd_banner", "$myhostname ESMTP smtpmock"),
          Map.entry("message_size_limit", "10485760"),
          Map.entry("local_recipient_maps", ""),
          Map.entry("default_transport", "discard"),
          Map.entry("relay_transport", "discard"),
          // a dialogue of refusals must not end in Postfix's 421 "too many errors"
          Map.entry("smtpd_hard_error_limit", "1000"),
          Map.entry("smtpd_soft_error_limit", "1000"),
          Map.entry("smtpd_junk_command_limit", "1000"));

  @TempDir static Path directory;
  private static PrivatePostfix postfix;
  private static SmtpMockServer smtpmock;

  @BeforeAll
  static void start() {
    postfix = PrivatePostfix.start(directory, LIKE_SMTPMOCK);
    smtpmock = SmtpMockServer.start(Scenario.parse(SCENARIO, "parity.yaml"));
  }

  @AfterAll
  static void stop() {
    if (smtpmock != null) {
      smtpmock.close();
    }
    if (postfix != null) {
      postfix.close();
    }
  }

  static Stream<Arguments> dialogues() {
    return Stream.of(
        dialogue(
            "a whole transaction",
            "EHLO client.test",
            "MAIL FROM:<a@x.test> SIZE=100 BODY=8BITMIME",
            "RCPT TO:<b@y.test>",
            "DATA",
            "Subject: hi\r\n\r\n..dot\r\nbody\r\n.\r\n",
            "RSET",
            "NOOP",
            "QUIT"),
        dialogue(
            "HELO, VRFY and the unknown",
            "HELO",
            "EHLO",
            "HELO client.test",
            "VRFY someone",
            "VRFY <a@x.test>",
            "VRFY a@x.test SMTPUTF8",
            "VRFY",
            "VRFY <>",
            "VRFY a b",
            "EXPN list",
            "HELP",
            "FOO bar",
            "STARTTLS",
            "AUTH PLAIN",
            "RSET x",
            "QUIT"),
        dialogue(
            "sequence errors",
            "RCPT TO:<b@y.test>",
            "DATA",
            "BDAT 1 LAST\r\nx",
            "MAIL FROM:<a@x.test>",
            "MAIL FROM:<a@x.test>",
            "DATA",
            "BDAT 1 LAST\r\nx",
            "RCPT TO:<b@y.test",
            "DATA",
            "QUIT"),
        dialogue(
            "address syntax",
            "MAIL",
            "MAIL FROM:<a@x.test",
            "MAIL FROM:<a b@x.test>",
            "MAIL FROM:<a@x.test b@x.test>",
            "MAIL FROM:a b@x.test",
            "MAIL FROM:<a@x.test> FOO=1",
            "MAIL FROM:<a@x.test> SIZE=x",
            "MAIL FROM:<a@x.test> SIZE=20000000",
            // Postfix keeps a refused MAIL's SIZE for the next MAIL until RSET; smtpmock does not
            "RSET",
            "MAIL FROM:<\"a b\"@x.test>",
            "RCPT",
            "RCPT TO:<a b@y.test>",
            "RCPT TO:<>",
            "RCPT TO:c@y.test",
            "RCPT TO:<@relay.test:e@y.test>",
            "QUIT"),
        dialogue(
            "DSN parameters",
            "MAIL FROM:<a@x.test> RET=FOO",
            "MAIL FROM:<a@x.test> RET=HDRS RET=FULL",
            "MAIL FROM:<a@x.test> ENVID=a+zz",
            "MAIL FROM:<a@x.test> ENVID=",
            "MAIL FROM:<a@x.test> RET",
            "MAIL FROM:<a@x.test> RET=full ENVID=x+2By",
            "RCPT TO:<b@y.test> NOTIFY=BOGUS",
            "RCPT TO:<b@y.test> NOTIFY=NEVER,SUCCESS",
            "RCPT TO:<b@y.test> NOTIFY=SUCCESS NOTIFY=FAILURE",
            "RCPT TO:<b@y.test> ORCPT=bogus",
            "RCPT TO:<b@y.test> ORCPT=rfc822;b+2",
            "RCPT TO:<b@y.test> ORCPT=rfc822;b@y.test ORCPT=rfc822;c@y.test",
            "RCPT TO:<b@y.test> NOTIFY",
            "RCPT TO:<b@y.test> NOTIFY=success,delay ORCPT=rfc822;b@y.test",
            "QUIT"),
        dialogue(
            "BDAT chunks",
            "EHLO client.test",
            "MAIL FROM:<a@x.test>",
            "RCPT TO:<b@y.test>",
            "BDAT 5\r\nabc\r\n",
            "MAIL FROM:<a@x.test>",
            "RCPT TO:<c@y.test>",
            "DATA",
            // chunks end in CRLF: Postfix counts a last line without one as if it had one
            "BDAT 4 LAST\r\nde\r\n",
            "QUIT"),
        dialogue(
            "BDAT after a refused chunk",
            "MAIL FROM:<a@x.test>",
            "BDAT 3\r\nabc",
            "MAIL FROM:<a@x.test>",
            "RCPT TO:<b@y.test>",
            "DATA",
            "BDAT 2\r\nab",
            "BDAT 4 LAST\r\nabcd",
            "RSET",
            "BDAT 3\r\nabc",
            "MAIL FROM:<a@x.test>",
            "BDAT 1 LAST\r\nz",
            "QUIT"),
        dialogue("BDAT with a bad size", "BDAT x", "NOOP"));
  }

  private static Arguments dialogue(String name, String... steps) {
    return Arguments.of(name, List.of(steps));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dialogues")
  void smtpmockRepliesAsPostfixDoes(String name, List<String> steps) throws IOException {
    assertThat(replies(smtpmock.port(), steps))
        .isEqualTo(withoutVrfyAndEtrn(replies(postfix.smtpdPort(), steps)));
  }

  /** The greeting, then one reply per step (each raw reply, queue ids normalised). */
  private static List<String> replies(int port, List<String> steps) throws IOException {
    List<String> replies = new ArrayList<>();
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      InputStream in = socket.getInputStream();
      replies.add(reply(in));
      for (String step : steps) {
        // a step with a CRLF of its own is sent as written: a command and its data
        String bytes = step.contains("\r\n") ? step : step + "\r\n";
        try {
          socket.getOutputStream().write(bytes.getBytes(StandardCharsets.UTF_8));
          replies.add(reply(in));
        } catch (IOException closed) {
          replies.add("(closed)");
        }
        if (replies.get(replies.size() - 1).equals("(closed)")) {
          break;
        }
      }
    }
    return replies;
  }

  private static String reply(InputStream in) throws IOException {
    ByteArrayOutputStream reply = new ByteArrayOutputStream();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0; b = in.read()) {
      line.write(b);
      byte[] bytes = line.toByteArray();
      if (b == '\n') {
        reply.writeBytes(bytes);
        line.reset();
        if (bytes.length < 4 || bytes[3] != '-') {
          return reply
              .toString(StandardCharsets.UTF_8)
              .replaceAll("queued as [0-9A-F]+", "queued as <id>");
        }
      }
    }
    return "(closed)";
  }

  /** SPEC 3's listed difference: smtpmock's EHLO advertises neither VRFY nor ETRN. */
  private static List<String> withoutVrfyAndEtrn(List<String> replies) {
    return replies.stream()
        .map(r -> r.replace("250-VRFY\r\n", "").replace("250-ETRN\r\n", ""))
        .toList();
  }
}
