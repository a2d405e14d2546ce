package dev.smtpmock.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One model, two front doors (CONVENTIONS 8): each YAML key loads to the same scenario as its
 * builder method, and {@code toYaml()} renders a scenario that loads back equal.
 */
class ScenarioRoundTripTest {

  /** The YAML, the DSL-built scenario and the rendered YAML all load to the same scenario. */
  private static void assertSame(String yaml, Scenario.Builder dsl) {
    Scenario built = dsl.scenario("test").build();
    Scenario loaded = Scenario.parse(yaml, "test.yaml");
    assertThat(loaded).isEqualTo(built);
    assertThat(Scenario.parse(built.toYaml(), "rendered.yaml")).isEqualTo(built);
    assertThat(Scenario.parse(loaded.toYaml(), "rendered.yaml")).isEqualTo(loaded);
  }

  private static void assertSameRule(String ruleYaml, Rule.Builder dsl) {
    assertSame(
        "rules:\n  - " + ruleYaml.strip().replace("\n", "\n    ") + "\n",
        Scenario.builder().rule(dsl));
  }

  @Test
  void nameAndDescription() {
    assertSame("scenario: test\ndescription: A test.\n", Scenario.builder().description("A test."));
  }

  @Test
  void theNameDefaultsToTheSourceNameWithoutYaml() {
    assertThat(Scenario.parse("{}", "some/folder/greylisting.yaml").name())
        .isEqualTo("greylisting");
    assertThat(Scenario.parse("{}", "inline").name()).isEqualTo("inline");
  }

  @Test
  void aBuilderScenarioWithoutANameIsCustom() {
    assertThat(Scenario.builder().build().name()).isEqualTo("custom");
  }

  @Test
  void hostnameAndGreeting() {
    assertSame(
        "server: {hostname: mx.example.test, greeting: ESMTP Postfix}",
        Scenario.builder()
            .server(
                ServerSettings.builder().hostname("mx.example.test").greeting("ESMTP Postfix")));
  }

  @Test
  void extensions() {
    assertSame(
        "server: {extensions: [STARTTLS, 8BITMIME]}",
        Scenario.builder()
            .server(
                ServerSettings.builder()
                    .extension(Extension.STARTTLS)
                    .extension(Extension.EIGHTBITMIME)));
  }

  @Test
  void noExtensionsAtAll() {
    assertSame(
        "server: {extensions: []}",
        Scenario.builder().server(ServerSettings.builder().noExtensions()));
  }

  @Test
  void limits() {
    assertSame(
        """
        server:
          max-message-size: 1MB
          max-recipients: 5
          max-line-length: 512
          idle-timeout: 2m
        """,
        Scenario.builder()
            .server(
                ServerSettings.builder()
                    .maxMessageSize(1 << 20)
                    .maxRecipients(5)
                    .maxLineLength(512)
                    .idleTimeout(Duration.ofMinutes(2))));
  }

  @Test
  void auth() {
    assertSame(
        "server: {auth: {required: true, mechanisms: [PLAIN], users: {alice: secret}}}",
        Scenario.builder()
            .server(
                ServerSettings.builder()
                    .auth(
                        ServerSettings.Auth.builder()
                            .required(true)
                            .mechanism("PLAIN")
                            .user("alice", "secret")
                            .build())));
  }

  @Test
  void tlsWithABuiltInCertificate() {
    assertSame(
        "server: {tls: {certificate: expired, implicit: true, required: false}}",
        Scenario.builder()
            .server(
                ServerSettings.builder()
                    .tls(
                        ServerSettings.Tls.builder()
                            .certificate("expired")
                            .implicit(true)
                            .required(false)
                            .build())));
  }

  @Test
  void tlsWithAKeystore() {
    // the loader opens the keystore (SPEC 2.10), so it must be a real one
    Path keystore = Path.of("src/test/resources/scenarios/good/certs/server.p12").toAbsolutePath();
    assertSame(
        "server: {tls: {certificate: {keystore: '" + keystore + "', password: changeit}}}",
        Scenario.builder()
            .server(
                ServerSettings.builder()
                    .tls(ServerSettings.Tls.builder().certificate(keystore, "changeit").build())));
  }

  @Test
  void seedAndStore() {
    assertSame(
        "server: {seed: -7, store: {max-messages: 10, max-bytes: 2KB, max-sessions: 3}}",
        Scenario.builder()
            .server(
                ServerSettings.builder()
                    .seed(-7)
                    .store(
                        ServerSettings.Store.builder()
                            .maxMessages(10)
                            .maxBytes(2048)
                            .maxSessions(3)
                            .build())));
  }

  @Test
  void whenWithOneEventOrAList() {
    assertSameRule("when: rcpt\nreply: 250 Ok", Rule.when(Event.RCPT).reply("250 Ok"));
    assertSameRule(
        "when: [mail, rcpt, any]\nreply: 250 Ok",
        Rule.when(Event.MAIL, Event.RCPT, Event.ANY).reply("250 Ok"));
  }

  @Test
  void nameNthPerAndKey() {
    assertSameRule(
        """
        name: greylist
        when: rcpt
        nth: 1
        per: server
        key: [client, sender, recipient]
        reply: 450 4.2.0 Greylisted
        """,
        Rule.when(Event.RCPT)
            .name("greylist")
            .nth(1)
            .per(Scope.SERVER)
            .key(CounterKey.CLIENT)
            .key(CounterKey.SENDER)
            .key(CounterKey.RECIPIENT)
            .reply("450 4.2.0 Greylisted"));
  }

  @Test
  void aSingleKeyNeedsNoList() {
    assertSameRule(
        "when: rcpt\nkey: client\nafter: 3\nreply: 450 4.7.1 Later",
        Rule.when(Event.RCPT).key(CounterKey.CLIENT).after(3).reply("450 4.7.1 Later"));
  }

  @Test
  void perTransaction() {
    assertSameRule(
        "when: rcpt\nnth: 3\nper: transaction\nreply: 452 4.5.3 Too many recipients",
        Rule.when(Event.RCPT).nth(3).per(Scope.TRANSACTION).reply("452 4.5.3 Too many recipients"));
  }

  @Test
  void connectionAsANumberAListOrARange() {
    assertSameRule(
        "when: connect\nconnection: 2\nreply: 421 4.3.2 Busy",
        Rule.when(Event.CONNECT).connection(2).reply("421 4.3.2 Busy"));
    assertSameRule(
        "when: connect\nconnection: [1, 3]\nreply: 421 4.3.2 Busy",
        Rule.when(Event.CONNECT).connection(1).connection(3).reply("421 4.3.2 Busy"));
    assertSameRule(
        "when: connect\nconnection: \"2-5\"\nreply: 421 4.3.2 Busy",
        Rule.when(Event.CONNECT).connection(2, 5).reply("421 4.3.2 Busy"));
  }

  @Test
  void timesAndMatch() {
    assertSameRule(
        "when: mail\nmatch: \"(?-i)^FROM:<vip@\"\ntimes: 2\nreply: 550 5.7.1 No",
        Rule.when(Event.MAIL).match("(?-i)^FROM:<vip@").times(2).reply("550 5.7.1 No"));
  }

  @Test
  void headerBodyAndMinSize() {
    assertSameRule(
        """
        when: message
        header: {Subject: urgent, X-Spam: "yes"}
        body: viagra
        min-size: 10KB
        reply: 554 5.7.1 Spam
        """,
        Rule.when(Event.MESSAGE)
            .header("Subject", "urgent")
            .header("X-Spam", "yes")
            .body("viagra")
            .minSize(10 * 1024)
            .reply("554 5.7.1 Spam"));
  }

  @Test
  void probabilityTlsAuthenticatedAndRate() {
    assertSameRule(
        """
        when: mail
        probability: 0.25
        tls: true
        authenticated: false
        rate: 100/1h
        reply: 421 4.7.0 Slow down
        """,
        Rule.when(Event.MAIL)
            .probability(0.25)
            .tls(true)
            .authenticated(false)
            .rate(100, Duration.ofHours(1))
            .reply("421 4.7.0 Slow down"));
  }

  @Test
  void aMultiLineReply() {
    assertSameRule(
        """
        when: rcpt
        reply:
          - 550 5.7.1 Refused
          - See https://example.test/help
          - 550 5.7.1 Goodbye
        """,
        Rule.when(Event.RCPT)
            .reply(List.of("550 5.7.1 Refused", "See https://example.test/help", "Goodbye")));
  }

  @Test
  void rawBytes() {
    assertSameRule(
        "when: ehlo\nraw: \"250-half a reply\\r\\n\\xFF\\x01\"\nthen: hang",
        Rule.when(Event.EHLO).raw("250-half a reply\r\n\u00ff\u0001").then(Then.HANG));
  }

  @Test
  void everyFault() {
    for (Fault fault : Fault.values()) {
      Event event = fault == Fault.TLS_FAILURE ? Event.STARTTLS : Event.DATA;
      assertSameRule(
          "when: " + ScenarioValues.yamlName(event) + "\nfault: " + ScenarioValues.yamlName(fault),
          Rule.when(event).fault(fault));
    }
  }

  @Test
  void delayAsADurationOrARange() {
    assertSameRule(
        "when: noop\ndelay: 1500ms", Rule.when(Event.NOOP).delay(Duration.ofMillis(1500)));
    assertSameRule(
        "when: noop\ndelay: 1s..3s",
        Rule.when(Event.NOOP).delay(Duration.ofSeconds(1), Duration.ofSeconds(3)));
  }

  @Test
  void dripAndThen() {
    assertSameRule(
        "when: quit\ndrip: 100ms\nthen: reset",
        Rule.when(Event.QUIT).drip(Duration.ofMillis(100)).then(Then.RESET));
  }

  @Test
  void afterBytes() {
    assertSameRule(
        "when: message\nafter-bytes: 1MB\nfault: disconnect",
        Rule.when(Event.MESSAGE).afterBytes(1 << 20).fault(Fault.DISCONNECT));
  }

  @Test
  void rulesKeepTheirOrder() {
    assertSame(
        """
        rules:
          - {name: first, when: rcpt, match: vip, reply: 250 Ok}
          - {name: second, when: rcpt, reply: 550 5.1.1 No}
        """,
        Scenario.builder()
            .rule(Rule.when(Event.RCPT).name("first").match("vip").reply("250 Ok"))
            .rule(Rule.when(Event.RCPT).name("second").reply("550 5.1.1 No")));
  }

  static Stream<Path> bundledFiles() throws IOException {
    return Stream.of(
            "src/test/resources/scenarios/good",
            "src/test/resources/scenarios/extends",
            "src/test/resources/smtpmock/scenarios",
            "../scenarios/src/main/resources/smtpmock/scenarios")
        .map(Path::of)
        .filter(Files::isDirectory)
        .flatMap(ScenarioRoundTripTest::yamlFiles);
  }

  private static Stream<Path> yamlFiles(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(f -> f.toString().endsWith(".yaml"))
          .filter(f -> !f.getParent().endsWith("cycle"))
          .sorted()
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bundledFiles")
  void everyBundledFileRendersBackToAnEqualScenario(Path file) {
    Scenario loaded = Scenario.load(file);
    assertThat(Scenario.parse(loaded.toYaml(), file.toString())).isEqualTo(loaded);
  }
}
