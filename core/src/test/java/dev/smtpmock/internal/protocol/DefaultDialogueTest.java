package dev.smtpmock.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.testing.SmtpDialogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With no rule, the server answers as Postfix does, byte for byte (SPEC 3). */
class DefaultDialogueTest {
  private SmtpMockServer smtp;

  @BeforeEach
  void start() {
    smtp = SmtpMockServer.start();
  }

  @AfterEach
  void stop() {
    smtp.close();
  }

  @Test
  void aWholeTransactionGetsPostfixReplies() {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.expect("220 smtpmock.test ESMTP smtpmock");
      d.send("EHLO client.test")
          .expect(
              String.join(
                  "\r\n",
                  "250-smtpmock.test",
                  "250-PIPELINING",
                  "250-SIZE 10485760",
                  "250-8BITMIME",
                  "250-SMTPUTF8",
                  "250-ENHANCEDSTATUSCODES",
                  "250-CHUNKING",
                  "250-DSN",
                  "250 AUTH PLAIN LOGIN CRAM-MD5 XOAUTH2"));
      d.send("MAIL FROM:<a@b.test>").expect("250 2.1.0 Ok");
      d.send("RCPT TO:<c@d.test>").expect("250 2.1.5 Ok");
      d.send("DATA").expect("354 End data with <CR><LF>.<CR><LF>");
      d.sendRaw("Subject: hi\r\n\r\n..dot\r\nbody\r\n.\r\n");
      String queued = d.reply().text();
      assertThat(queued).matches("250 2\\.0\\.0 Ok: queued as [0-9A-F]{12}");
      d.send("QUIT").expect("221 2.0.0 Bye");
      assertThat(d.closedHow()).isEqualTo(SmtpDialogue.Closed.FIN);
      ReceivedMessage message = smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0);
      assertThat(queued).endsWith(message.id());
      assertThat(message.sender()).isEqualTo("a@b.test");
      assertThat(message.recipientAddresses()).containsExactly("c@d.test");
      assertThat(message.dataAsString()).isEqualTo("Subject: hi\r\n\r\n.dot\r\nbody\r\n");
      assertThat(message.subject()).isEqualTo("hi");
      assertThat(message.status()).isEqualTo(ReceivedMessage.Status.ACCEPTED);
    }
  }

  @Test
  void heloAndSimpleCommandsGetPostfixReplies() {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("HELO client.test").expect("250 smtpmock.test");
      d.send("HELO").expect("501 Syntax: HELO hostname");
      d.send("EHLO").expect("501 Syntax: EHLO hostname");
      d.send("NOOP").expect("250 2.0.0 Ok");
      d.send("RSET").expect("250 2.0.0 Ok");
      d.send("VRFY someone").expect("252 2.0.0 someone");
      d.send("VRFY").expect("501 5.5.4 Syntax: VRFY address [SMTPUTF8]");
      d.send("EXPN list").expect("500 5.5.2 Error: command not recognized");
      d.send("HELP").expect("500 5.5.2 Error: command not recognized");
      d.send("FOO bar").expect("500 5.5.2 Error: command not recognized");
      d.send("STARTTLS").expect("502 5.5.1 Error: command not implemented");
    }
  }

  @Test
  void commandsOutOfSequenceGet503() {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("RCPT TO:<c@d.test>").expect("503 5.5.1 Error: need MAIL command");
      // without a transaction Postfix's data_cmd asks for RCPT, not MAIL
      d.send("DATA").expect("503 5.5.1 Error: need RCPT command");
      d.send("BDAT 1 LAST").sendRaw("x").expect("503 5.5.1 Error: need RCPT command");
      d.send("mail from:<a@b.test>").expect("250 2.1.0 Ok");
      d.send("MAIL FROM:<a@b.test>").expect("503 5.5.1 Error: nested MAIL command");
    }
  }

  @Test
  void badAddressesGetPostfixSyntaxReplies() {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL").expect("501 5.5.4 Syntax: MAIL FROM:<address>");
      d.send("MAIL FROM:<a@b.test").expect("501 5.1.7 Bad sender address syntax");
      d.send("MAIL FROM:<a@b.test> FOO=1").expect("555 5.5.4 Unsupported option: FOO=1");
      d.send("MAIL FROM:<>").expect("250 2.1.0 Ok");
      d.send("RCPT").expect("501 5.5.4 Syntax: RCPT TO:<address>");
      d.send("RCPT TO:<c@d.test").expect("501 5.1.3 Bad recipient address syntax");
      d.send("RCPT TO:c@d.test").expect("250 2.1.5 Ok");
      d.send("RCPT TO:<@relay.test:e@f.test>").expect("250 2.1.5 Ok");
    }
  }

  @Test
  void dataAfterEveryRecipientWasRefusedGets554() {
    try (SmtpMockServer full =
        SmtpMockServer.start(
            dev.smtpmock.scenario.Scenario.parse(
                "rules: [{when: rcpt, reply: 550 5.1.1 No such user}]", "test"))) {
      try (SmtpDialogue d = SmtpDialogue.connect(full.port())) {
        d.reply();
        d.send("MAIL FROM:<a@b.test>").expect("250 2.1.0 Ok");
        d.send("RCPT TO:<c@d.test>").expect("550 5.1.1 No such user");
        d.send("DATA").expect("554 5.5.1 Error: no valid recipients");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"RCPT TO:<c@d.test", "RCPT TO:<>", "RCPT TO:<c@d.test> FOO=1", "RCPT"})
  void dataAfterRecipientsRefusedForTheirSyntaxGets554(String refused) {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<a@b.test>").expect("250 2.1.0 Ok");
      assertThat(d.send(refused).reply().text()).startsWith("5");
      d.send("DATA").expect("554 5.5.1 Error: no valid recipients");
      d.send("BDAT 1 LAST").sendRaw("x").expect("554 5.5.1 Error: no valid recipients");
    }
  }

  @Test
  void onlyCrLfDotCrLfEndsTheData() {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<a@b.test>").reply();
      d.send("RCPT TO:<c@d.test>").reply();
      d.send("DATA").reply();
      d.sendRaw("line\n.\nstill data\r\n.\r\n");
      d.expectStart("250 2.0.0 Ok: queued as ");
    }
    assertThat(smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0).dataAsString())
        .isEqualTo("line\n.\nstill data\r\n");
  }

  @Test
  void inputSentBeforeTheGreetingIsAnsweredAfterIt() {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.send("NOOP");
      d.expect("220 smtpmock.test ESMTP smtpmock");
      d.expect("250 2.0.0 Ok");
    }
  }

  @Test
  void sessionsRecordTheTranscript() {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("NOOP").reply();
      d.send("QUIT").reply();
      d.closedHow();
    }
    org.awaitility.Awaitility.await().until(() -> !smtp.sessions().get(0).isOpen());
    var session = smtp.sessions().get(0);
    assertThat(session.id()).isEqualTo("S000001");
    assertThat(session.connection()).isEqualTo(1);
    assertThat(session.end()).isEqualTo(dev.smtpmock.SmtpSession.End.QUIT);
    assertThat(session.commands()).containsExactly("NOOP", "QUIT");
    assertThat(session.transcript())
        .isEqualTo(
            "S: 220 smtpmock.test ESMTP smtpmock\nC: NOOP\nS: 250 2.0.0 Ok\nC: QUIT\nS: 221 2.0.0 Bye");
  }

  // After the 221 to QUIT the server lets the client close first, so that the minute of
  // TIME_WAIT stays with the client's port: a suite that starts a server per test otherwise fills
  // the machine's port range with the servers' TIME_WAIT sockets, and every bind and connect
  // slows down.
  @Test
  @EnabledOnOs(OS.LINUX)
  void timeWaitStaysOnTheClientsSideWhenTheClientClosesAfterThe221() throws IOException {
    int clientPort;
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      clientPort = d.socket().getLocalPort();
      d.expect("220 smtpmock.test ESMTP smtpmock");
      d.send("QUIT").expect("221 2.0.0 Bye");
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> timeWaitLocalPorts().contains(clientPort));
    assertThat(timeWaitLocalPorts()).doesNotContain(smtp.port());
  }

  @Test
  void aClientThatWaitsForTheServerToCloseGetsItsEndSoon() {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.expect("220 smtpmock.test ESMTP smtpmock");
      long start = System.nanoTime();
      d.send("QUIT").expect("221 2.0.0 Bye");

      assertThat(d.closedHow()).isEqualTo(SmtpDialogue.Closed.FIN);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  /**
   * The local ports of the sockets in TIME_WAIT (state 06). Java's sockets are IPv6 sockets with
   * mapped IPv4 addresses, listed in /proc/net/tcp6.
   */
  private static List<Integer> timeWaitLocalPorts() throws IOException {
    List<Integer> ports = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try (Stream<String> lines = Files.lines(Path.of(table))) {
        lines
            .skip(1)
            .map(line -> line.trim().split("\\s+"))
            .filter(f -> f[3].equals("06"))
            .map(f -> Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16))
            .forEach(ports::add);
      }
    }
    return ports;
  }
}
