package dev.smtpmock.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.scenario.Reply;
import dev.smtpmock.scenario.Rule;
import dev.smtpmock.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The library as a whole (SPEC 2.12): the folder and {@code index.txt} agree, every scenario loads
 * cleanly and renders back to itself, and every failure it sends is a real one.
 */
class ScenarioLibraryTest {
  private static final Path FOLDER = Path.of("src/main/resources/smtpmock/scenarios");
  private static final Path README = Path.of("README.md");

  /**
   * The (code, enhanced code) pairs the library may send, each with the REAL-REPLIES row it comes
   * from. A new pair needs a row in the catalogue first.
   */
  private static final Map<String, String> CATALOGUED =
      Map.ofEntries(
          Map.entry("421 4.3.2", "§4.1 Postfix postscreen: Service currently unavailable"),
          Map.entry("421 4.7.0", "§4.1 Postfix: <host> Error: too many connections from <ip>"),
          Map.entry("421 4.7.28", "§4.2 Gmail: unusual rate of mail from your IP address"),
          Map.entry("450 4.2.1", "§4.2 Gmail: the user is receiving email too quickly"),
          Map.entry("451 4.7.500", "§4.2 Microsoft 365: Server busy. Please try again later"),
          Map.entry("451 4.7.1", "§4.3 milter-greylist: Greylisting in action"),
          Map.entry("550 5.1.1", "§4.4 Postfix: User unknown in local recipient table"),
          Map.entry("452 4.2.2", "§4.5 Gmail: the recipient's inbox is out of storage space"),
          Map.entry("552 5.2.2", "§4.5 Gmail: out of storage space and inactive"),
          Map.entry("452 4.5.3", "§4.6 Postfix: Error: too many recipients"),
          Map.entry("554 5.7.1", "§4.8 Postfix: <rcpt>: Relay access denied"),
          Map.entry("554 5.7.9", "§4.8 Yahoo: Message not accepted for policy reasons"),
          Map.entry("550 5.7.9", "§4.8 Yahoo: the sender is unauthenticated"),
          Map.entry("550 5.7.1", "§4.9 Postfix: Error: message content rejected"),
          Map.entry("552 5.7.0", "§4.9 Gmail: content presents a potential security issue"),
          Map.entry("554 5.6.0", "§4.9 Gmail: Email message is malformed. Not accepted."),
          Map.entry("530 5.7.0", "§4.10 and §4.11 Postfix, Gmail: STARTTLS / Authentication"),
          Map.entry("454 4.7.0", "§4.11 Gmail: Too many login attempts"),
          Map.entry("535 5.7.8", "§2 and §4.11 Gmail: Username and Password not accepted"),
          Map.entry("451 4.3.0", "§4.13 Postfix, Gmail: queue file write error / temporarily"),
          Map.entry(
              "451 4.2.0", "Addendum §2 Dovecot LMTP: <rcpt> Timeout while waiting for lock"));

  static List<String> names() {
    return indexNames();
  }

  private static List<String> indexNames() {
    return read(FOLDER.resolve("index.txt"))
        .lines()
        .map(line -> line.replaceFirst("#.*", "").strip())
        .filter(line -> !line.isEmpty())
        .toList();
  }

  private static List<String> yamlFilesInFolder() {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(f -> !f.equals("index.txt"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyFileInTheFolderIsInIndexTxtAndEveryNameThereHasAFile() {
    List<String> listed = indexNames();
    assertThat(listed).doesNotHaveDuplicates();
    assertThat(yamlFilesInFolder())
        .allMatch(f -> f.endsWith(".yaml"))
        .map(f -> f.substring(0, f.length() - ".yaml".length()))
        .containsExactlyInAnyOrderElementsOf(listed);
  }

  @Test
  void coreSeesExactlyTheIndexAsItsBuiltIns() {
    assertThat(Scenario.builtIns()).containsExactlyElementsOf(indexNames());
  }

  @Test
  void theLibraryHasEveryScenarioTheIssueAsksFor() {
    assertThat(indexNames())
        .contains(
            "default",
            "unavailable",
            "greylisting",
            "rate-limited",
            "too-many-recipients",
            "mailbox-full",
            "unknown-user",
            "relay-denied",
            "sender-rejected",
            "content-rejected",
            "message-too-large",
            "reject-after-data",
            "temporary-local-error",
            "slow-server",
            "blackhole",
            "drop-mid-data",
            "connection-reset",
            "tls-required",
            "tls-broken",
            "auth-required",
            "auth-failure",
            "flaky");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void resolvesByNameAndLoadsWithoutWarnings(String name) {
    Scenario scenario = Scenario.resolve(name);
    assertThat(scenario.warnings()).isEmpty();
    assertThat(scenario.name()).isEqualTo(name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void namesItselfAndHasAOneLineDescription(String name) {
    String text = read(FOLDER.resolve(name + ".yaml"));
    assertThat(text).containsPattern("(?m)^scenario: " + Pattern.quote(name) + "$");
    assertThat(text).containsPattern("(?m)^description: \\S.*$");
    String description = Scenario.resolve(name).description();
    assertThat(description).isNotBlank().doesNotContain("\n").hasSizeLessThan(160);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void opensWithACommentBlockOnTheSituationTheClientAndTheRules(String name) {
    List<String> comment =
        read(FOLDER.resolve(name + ".yaml"))
            .lines()
            .takeWhile(line -> line.startsWith("#"))
            .toList();
    assertThat(comment).first().asString().startsWith("# " + name + ": ");
    String block = String.join("\n", comment);
    assertThat(block)
        .contains("The real world")
        .contains("What a well-written client does")
        .contains("Which rules do it");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void every4xxOr5xxReplyCarriesAnEnhancedCodeOfItsClass(String name) {
    for (Rule rule : Scenario.resolve(name).rules()) {
      assertThat(rule.raw()).as("raw in %s", rule).isNull();
      Reply reply = rule.reply();
      if (reply != null && reply.code() >= 400) {
        assertThat(reply.enhancedCode()).as("enhanced code of %s", rule).isNotNull();
        assertThat(reply.enhancedCode().charAt(0) - '0')
            .as("class of %s", rule)
            .isEqualTo(reply.code() / 100);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void everyReplyPairIsOneTheCatalogueLists(String name) {
    for (Rule rule : Scenario.resolve(name).rules()) {
      Reply reply = rule.reply();
      if (reply != null && reply.code() >= 400) {
        assertThat(CATALOGUED).containsKey(reply.code() + " " + reply.enhancedCode());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void everyRuleWithAReplyIsPrecededByACommentCitingTheCatalogueAndTheSource(String name) {
    for (String[] rule : rulesWithTheirComments(read(FOLDER.resolve(name + ".yaml")))) {
      String comment = rule[0];
      String body = rule[1];
      if (body.contains("reply:")) {
        assertThat(comment).as("the comment above\n%s", body).contains("REAL-REPLIES §");
        assertThat(comment).as("the comment above\n%s", body).containsPattern("Sources?:");
      }
    }
  }

  /** Each rule of the file as {comment lines just above it, its own lines}. */
  private static List<String[]> rulesWithTheirComments(String text) {
    List<String> lines = text.lines().toList();
    List<String[]> rules = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("  - ")) {
        continue;
      }
      int start = i;
      while (start > 0 && lines.get(start - 1).startsWith("  #")) {
        start--;
      }
      int end = i + 1;
      while (end < lines.size() && lines.get(end).startsWith("    ")) {
        end++;
      }
      rules.add(
          new String[] {
            String.join("\n", lines.subList(start, i)), String.join("\n", lines.subList(i, end))
          });
    }
    return rules;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void rendersBackToAnEqualScenario(String name) {
    Scenario scenario = Scenario.resolve(name);
    assertThat(Scenario.parse(scenario.toYaml(), name)).isEqualTo(scenario);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void hasARowInTheReadmeCatalogue(String name) {
    Matcher row =
        Pattern.compile("(?m)^\\| `" + Pattern.quote(name) + "` \\|.*\\|$").matcher(read(README));
    assertThat(row.find()).as("a row for %s in %s", name, README).isTrue();
  }
}
