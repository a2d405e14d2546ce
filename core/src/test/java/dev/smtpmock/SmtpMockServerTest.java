package dev.smtpmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Rule;
import dev.smtpmock.scenario.Scenario;
import dev.smtpmock.testing.SmtpDialogue;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The Java API of the server (SPEC 4.1). */
class SmtpMockServerTest {

  private static void sendOne(SmtpMockServer smtp) {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("MAIL FROM:<a@b.test>").reply();
      d.send("RCPT TO:<c@d.test>").reply();
      d.send("DATA").reply();
      d.sendRaw("Subject: one\r\n\r\nx\r\n.\r\n").reply();
      d.send("QUIT").reply();
    }
  }

  @Test
  void listenersHearEveryLineAndThenHowTheSessionEnded() {
    List<String> heard = new CopyOnWriteArrayList<>();
    try (SmtpMockServer smtp =
        SmtpMockServer.builder()
            .onLine((session, line) -> heard.add(session + " " + line.text().strip()))
            .onSessionEnd((session, end) -> heard.add(session + " ended " + end))
            .start()) {
      sendOne(smtp);
      try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
        d.reply();
      }

      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> heard.contains("S000002 ended CLIENT_CLOSED"));
      assertThat(heard)
          .filteredOn(s -> s.startsWith("S000001"))
          .endsWith("S000001 221 2.0.0 Bye", "S000001 ended QUIT");
      assertThat(heard).filteredOn(s -> s.contains("ended")).hasSize(2);
    }
  }

  @Test
  void closeReleasesThePortAtOnce() throws Exception {
    SmtpMockServer smtp = SmtpMockServer.start();
    int port = smtp.port();
    sendOne(smtp);
    smtp.close();
    assertThat(smtp.port()).isEqualTo(port);
    assertThat(smtp.toString()).contains(":" + port);
    try (ServerSocket again = new ServerSocket()) {
      again.setReuseAddress(true);
      again.bind(new java.net.InetSocketAddress("127.0.0.1", port));
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void aFixedPortIsBound() throws Exception {
    int free;
    try (ServerSocket probe = new ServerSocket(0)) {
      free = probe.getLocalPort();
    }
    try (SmtpMockServer smtp = SmtpMockServer.builder().port(free).start()) {
      assertThat(smtp.port()).isEqualTo(free);
      assertThat(smtp.host()).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void awaitMessagesTimesOutWithWhatArrivedAndTheTranscripts() {
    try (SmtpMockServer smtp = SmtpMockServer.start()) {
      sendOne(smtp);
      assertThatThrownBy(() -> smtp.awaitMessages(2, Duration.ofMillis(300)))
          .isInstanceOf(SmtpMockTimeoutException.class)
          .hasMessageContaining("expected 2 accepted message(s)")
          .hasMessageContaining("but 1 arrived")
          .hasMessageContaining("C: MAIL FROM:<a@b.test>");
    }
  }

  @Test
  void resetClearsMessagesSessionsAndCountersAndRestartsConnectionNumbers() {
    Scenario first =
        Scenario.builder()
            .rule(Rule.when(Event.CONNECT).connection(1).reply("421 4.3.2 Busy"))
            .build();
    try (SmtpMockServer smtp = SmtpMockServer.start(first)) {
      try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
        d.expect("421 4.3.2 Busy");
      }
      sendOne(smtp);
      assertThat(smtp.messages()).hasSize(1);
      smtp.reset();
      assertThat(smtp.messages()).isEmpty();
      assertThat(smtp.sessions()).isEmpty();
      assertThat(smtp.stats().connections()).isZero();
      try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
        d.expect("421 4.3.2 Busy");
      }
      await().until(() -> smtp.sessions().size() == 1);
      assertThat(smtp.sessions().get(0).id()).isEqualTo("S000003");
    }
  }

  @Test
  void aSwapTakesEffectAtTheNextCommandOfAnOpenSession() {
    try (SmtpMockServer smtp = SmtpMockServer.start();
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("NOOP").expect("250 2.0.0 Ok");
      smtp.scenario(
          Scenario.builder().rule(Rule.when(Event.NOOP).reply("250 2.0.0 Swapped")).build());
      d.send("NOOP").expect("250 2.0.0 Swapped");
    }
  }

  @Test
  void aSwapMayNotChangeImplicitTls() {
    try (SmtpMockServer smtp = SmtpMockServer.start()) {
      Scenario implicit = Scenario.parse("server: {tls: {implicit: true}}", "implicit.yaml");
      assertThatThrownBy(() -> smtp.scenario(implicit))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("tls.implicit");
    }
  }

  @Test
  void statsCountMessagesConnectionsAndRuleFirings() {
    Scenario s =
        Scenario.builder()
            .rule(Rule.when(Event.RCPT).name("deny-x").match("x@").reply("550 5.1.1 No"))
            .build();
    try (SmtpMockServer smtp = SmtpMockServer.start(s)) {
      sendOne(smtp);
      try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
        d.reply();
        d.send("MAIL FROM:<a@b.test>").reply();
        d.send("RCPT TO:<x@d.test>").expect("550 5.1.1 No");
      }
      SmtpMockStats stats = smtp.stats();
      assertThat(stats.accepted()).isEqualTo(1);
      assertThat(stats.connections()).isEqualTo(2);
      assertThat(stats.rules()).containsExactly(new SmtpMockStats.RuleStat("deny-x", 1));
    }
  }

  @Test
  void theSeedIsReportedAndAGivenSeedIsKept() {
    try (SmtpMockServer smtp = SmtpMockServer.builder().seed(1234).start()) {
      assertThat(smtp.seed()).isEqualTo(1234);
    }
    try (SmtpMockServer smtp =
        SmtpMockServer.start(Scenario.parse("server: {seed: 77}", "s.yaml"))) {
      assertThat(smtp.seed()).isEqualTo(77);
    }
  }

  @Test
  void theStoreEvictsTheOldestPastItsBoundAndCountsIt() {
    try (SmtpMockServer smtp =
        SmtpMockServer.start(Scenario.parse("server: {store: {max-messages: 2}}", "s.yaml"))) {
      for (int i = 0; i < 3; i++) {
        sendOne(smtp);
      }
      await().until(() -> smtp.stats().accepted() == 3);
      assertThat(smtp.messages()).hasSize(2);
      assertThat(smtp.stats().evictedMessages()).isEqualTo(1);
      assertThat(smtp.messages().get(0).sequence()).isLessThan(smtp.messages().get(1).sequence());
    }
  }

  @Test
  void theTestCaIsExported() throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start()) {
      assertThat(smtp.caCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
      assertThat(smtp.trustStore().size()).isEqualTo(1);
    }
  }
}
