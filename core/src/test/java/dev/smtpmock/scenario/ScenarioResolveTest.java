package dev.smtpmock.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** References (SPEC 4.2) and {@code extends} (SPEC 2.9). */
class ScenarioResolveTest {
  private static final Path EXTENDS = Path.of("src/test/resources/scenarios/extends");

  @TempDir Path dir;

  private static List<String> problems(Runnable load) {
    InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class, load::run);
    assertThat(e).as("loading should fail").isNotNull();
    return e.problems().stream().map(ScenarioProblem::toString).toList();
  }

  private Path write(String name, String yaml) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, yaml);
  }

  @Test
  void aBuiltInIsParsedOnceAndSharedSinceResourcesCannotChange() {
    assertThat(Scenario.resolve("default")).isSameAs(Scenario.resolve("default"));
  }

  @Test
  void aPlainNameIsABuiltIn() {
    Scenario s = Scenario.resolve("greylisting");
    assertThat(s.name()).isEqualTo("greylisting");
    assertThat(s.rules()).extracting(Rule::name).containsExactly("greylist");
    assertThat(s.rules().get(0).location())
        .isEqualTo(new Rule.Location("classpath:smtpmock/scenarios/greylisting.yaml", 6, 5));
  }

  @Test
  void builtInsAreListedInIndexOrder() {
    assertThat(Scenario.builtIns()).containsExactly("default", "greylisting", "mailbox-full");
  }

  @Test
  void theIndexListsExactlyTheFilesOfTheFolder() throws IOException, URISyntaxException {
    Path folder =
        Path.of(getClass().getClassLoader().getResource("smtpmock/scenarios/index.txt").toURI())
            .getParent();
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(
              files
                  .map(f -> f.getFileName().toString())
                  .filter(f -> f.endsWith(".yaml"))
                  .map(f -> f.substring(0, f.length() - ".yaml".length())))
          .containsExactlyInAnyOrderElementsOf(Scenario.builtIns());
    }
  }

  @Test
  void theDefaultBuiltInIsAPlainSink() {
    Scenario s = Scenario.resolve(Scenario.DEFAULT_NAME);
    assertThat(s.rules()).isEmpty();
    assertThat(s.server()).isEqualTo(ServerSettings.defaults());
  }

  @Test
  void anUnknownNameSuggestsTheNearestBuiltInAndListsThemAll() {
    assertThat(problems(() -> Scenario.resolve("greylist")))
        .containsExactly(
            "greylist: error: unknown scenario 'greylist' — did you mean 'greylisting'?"
                + " Built-in scenarios: default, greylisting, mailbox-full. A file reference"
                + " needs a / or a .yaml ending.");
  }

  @Test
  void classpathIsAResource() {
    assertThat(Scenario.resolve("classpath:scenarios/good/minimal.yaml").name())
        .isEqualTo("minimal");
    assertThat(problems(() -> Scenario.resolve("classpath:nowhere.yaml")))
        .containsExactly("classpath:nowhere.yaml: error: no class-path resource 'nowhere.yaml'");
  }

  @Test
  void aReferenceWithASlashOrAYamlEndingIsAFile() throws IOException {
    write("plain.yml", "rules: [{when: noop, reply: 250 Ok}]");
    assertThat(Scenario.resolve("src/test/resources/scenarios/good/minimal.yaml").name())
        .isEqualTo("minimal");
    assertThat(Scenario.resolve(dir.resolve("plain.yml").toString()).name()).isEqualTo("plain");
  }

  @Test
  void aMissingFileIsReported() {
    assertThat(problems(() -> Scenario.resolve("missing.yaml")))
        .containsExactly("missing.yaml: error: cannot read missing.yaml: no such file");
    assertThat(problems(() -> Scenario.load(Path.of("missing.yaml"))))
        .containsExactly("missing.yaml: error: cannot read missing.yaml: no such file");
  }

  @Test
  void aFileThatIsNotUtf8IsReported() throws IOException {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, "description: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(problems(() -> Scenario.load(file)))
        .containsExactly(file + ": error: cannot read " + file + ": not valid UTF-8");
  }

  @Test
  void theFileNameIsTheDefaultName() {
    assertThat(Scenario.load(EXTENDS.resolve("sub/grandchild.yaml")).name())
        .isEqualTo("grandchild");
  }

  @Test
  void aRelativeExtendsIsTakenAgainstTheExtendingFilesFolder() {
    Scenario s = Scenario.load(EXTENDS.resolve("sub/grandchild.yaml"));
    assertThat(s.rules())
        .extracting(Rule::name)
        .containsExactly("grandchild-noop", "child-mail", "base-rcpt");
  }

  @Test
  void theBaseRulesComeAfterThisFilesRules() {
    Scenario s = Scenario.load(EXTENDS.resolve("by-name.yaml"));
    assertThat(s.rules()).extracting(Rule::name).containsExactly("no-vrfy", "greylist");
    assertThat(s.name()).isEqualTo("by-name");
  }

  @Test
  void serverBlocksMergeKeyByKeyWithThisFileWinning() {
    ServerSettings server = Scenario.load(EXTENDS.resolve("child.yaml")).server();
    assertThat(server.hostname()).isEqualTo("base.example.test");
    assertThat(server.maxRecipients()).isEqualTo(20);
    assertThat(server.auth().required()).isTrue();
    assertThat(server.auth().users())
        .containsExactly(Map.entry("alice", "secret"), Map.entry("bob", "hunter2"));
  }

  @Test
  void listsAreReplacedNotMerged() {
    ServerSettings server = Scenario.load(EXTENDS.resolve("sub/grandchild.yaml")).server();
    assertThat(server.extensions()).containsExactly(Extension.PIPELINING);
  }

  @Test
  void theDescriptionIsNotInherited() {
    assertThat(Scenario.load(EXTENDS.resolve("child.yaml")).description()).isNull();
  }

  @Test
  void theBuilderExtendsToo() {
    Scenario s =
        Scenario.builder()
            .extendsScenario("greylisting")
            .rule(Rule.when(Event.NOOP).name("mine").reply("250 2.0.0 Ok"))
            .build();
    assertThat(s.name()).isEqualTo("custom");
    assertThat(s.rules()).extracting(Rule::name).containsExactly("mine", "greylist");
  }

  @Test
  void anExtendsCycleIsReportedWhereItCloses() {
    Path a = EXTENDS.resolve("cycle/a.yaml");
    Path b = EXTENDS.resolve("cycle/b.yaml");
    assertThat(problems(() -> Scenario.load(a)))
        .containsExactly(
            a + ":1:10: error: the base scenario 'b.yaml' has errors, listed after this file's",
            b + ":1:10: error: extends cycle: " + a + " -> " + b + " -> " + a);
  }

  @Test
  void aScenarioExtendingItselfIsACycle() {
    Path self = EXTENDS.resolve("cycle/self.yaml");
    assertThat(problems(() -> Scenario.load(self)))
        .containsExactly(self + ":1:10: error: extends cycle: " + self + " -> " + self);
  }

  @Test
  void anUnknownBaseIsReportedAtTheExtendsValue() {
    assertThat(problems(() -> Scenario.parse("scenario: x\nextends: mailbox-ful\n", "x.yaml")))
        .containsExactly(
            "x.yaml:2:10: error: unknown scenario 'mailbox-ful' — did you mean 'mailbox-full'?"
                + " Built-in scenarios: default, greylisting, mailbox-full. A file reference"
                + " needs a / or a .yaml ending.");
  }

  @Test
  void aBadBaseIsReportedWithItsOwnPositionsAfterThisFile() throws IOException {
    write("base.yaml", "rules:\n  - when: rcpt\n    reply: 650 No\n");
    Path child = write("child.yaml", "extends: base.yaml\nrules: [{when: nop, reply: 250 Ok}]\n");
    Path base = dir.resolve("base.yaml");
    assertThat(problems(() -> Scenario.load(child)))
        .containsExactly(
            child
                + ":1:10: error: the base scenario 'base.yaml' has errors, listed after this"
                + " file's",
            child + ":2:16: error: unknown event 'nop' — did you mean 'noop'?",
            base
                + ":3:12: error: reply: '650 No' is not a reply: it must start with a code of"
                + " three digits, the first 2-5 and the second 0-5, e.g. '452 4.5.3 Too many"
                + " recipients'");
  }

  @Test
  void aRuleNameFromTheBaseCannotBeUsedAgain() throws IOException {
    Path base =
        write(
            "base.yaml",
            "rules:\n  - name: limit\n    when: rcpt\n    nth: 3\n    reply: 452 4.5.3 Too many\n");
    Path child =
        write(
            "child.yaml",
            "extends: base.yaml\nrules:\n  - name: limit\n    when: mail\n    nth: 2\n    reply: 451 4.3.0 Later\n");
    assertThat(problems(() -> Scenario.load(child)))
        .containsExactly(
            child
                + ":3:5: error: duplicate rule name 'limit': rule 2 'limit' of the base"
                + " scenario ("
                + base
                + ":2:5) has it too");
  }

  @Test
  void aKeystoreIsTakenAgainstTheScenarioFilesFolder() {
    Scenario s = Scenario.load(Path.of("src/test/resources/scenarios/good/keystore.yaml"));
    assertThat(s.server().tls().keystore())
        .isEqualTo(Path.of("src/test/resources/scenarios/good/certs/server.p12").toAbsolutePath());
  }

  @Test
  void warningsOfTheBaseAreKept() throws IOException {
    Path base = write("base.yaml", "rules: [{when: noop, reply: 259 2.0.0 Odd}]\n");
    Path child = write("child.yaml", "extends: base.yaml\n");
    assertThat(Scenario.load(child).warnings())
        .extracting(ScenarioProblem::toString)
        .containsExactly(
            base
                + ":1:22: warning: reply code 259 is defined by none of RFC 5321, 3207, 4954,"
                + " 7504 and 7505");
  }

  @Test
  void aRuleOfTheBaseHiddenByThisFilesRuleIsAWarningHere() throws IOException {
    write("base.yaml", "rules:\n  - when: rcpt\n    nth: 2\n    reply: 452 4.5.3 Too many\n");
    Path child =
        write("child.yaml", "extends: base.yaml\nrules:\n  - when: rcpt\n    reply: 250 Ok\n");
    assertThat(Scenario.load(child).warnings())
        .extracting(ScenarioProblem::toString)
        .containsExactly(
            child
                + ":3:5: warning: rule 2 can never match because rule 1 (no matchers) takes"
                + " the same events earlier");
  }
}
