package dev.smtpmock.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every problem a scenario can have, reported as {@code SOURCE:LINE:COLUMN: …} (SPEC 2.10). */
class ScenarioLoaderTest {

  private static List<String> problems(String yaml) {
    InvalidScenarioException e =
        catchThrowableOfType(
            InvalidScenarioException.class, () -> Scenario.parse(yaml, "test.yaml"));
    assertThat(e).as("loading should fail").isNotNull();
    return e.problems().stream().map(ScenarioProblem::toString).toList();
  }

  private static List<String> warnings(String yaml) {
    return Scenario.parse(yaml, "test.yaml").warnings().stream()
        .map(ScenarioProblem::toString)
        .toList();
  }

  @Test
  void aYamlSyntaxErrorIsReportedAtItsCause() {
    assertThat(
            problems(
                """
                rules:
                  - when: rcpt
                    reply: "550 unterminated
                """))
        .containsExactly(
            "test.yaml:3:12: error: found unexpected end of stream at 4:1 (while scanning a"
                + " quoted scalar) — this quote is never closed: end the value with the same quote"
                + " mark (\")");
  }

  @Test
  void anUnquotedColonInAReplyGetsTheQuotingHint() {
    assertThat(
            problems(
                """
                rules:
                  - when: rcpt
                    reply: 550 5.1.1 <x@y>: User unknown
                """))
        .containsExactly(
            "test.yaml:3:27: error: mapping values are not allowed here"
                + " — quote the reply text: reply: \"550 5.1.1 <x@y>: …\"");
  }

  @Test
  void anUnquotedColonInAFlowStyleReplyGetsTheQuotingHint() {
    assertThat(problems("rules: [{when: rcpt, reply: 550 5.1.1 <x@y>: User unknown}]\n"))
        .containsExactly(
            "test.yaml:1:44: error: expected ',' or '}', but got : (while parsing a flow mapping"
                + " at 1:9) — quote the reply text: reply: \"550 5.1.1 <x@y>: …\"");
  }

  @Test
  void anUnquotedColonInAReplyListItemGetsTheQuotingHint() {
    assertThat(
            problems(
                """
                rules:
                  - when: rcpt
                    reply:
                      - 550 5.1.1 <x@y>: User unknown
                """))
        .containsExactly(
            "test.yaml:4:9: error: reply must be text, not a mapping"
                + " — quote the reply text: reply: \"550 5.1.1 <x@y>: …\"");
  }

  @Test
  void aDuplicateKeyIsReportedAtTheSecondKey() {
    assertThat(
            problems(
                """
                rules:
                  - when: rcpt
                    reply: 450 4.2.0 Greylisted
                    reply: 250 2.1.5 Ok
                """))
        .containsExactly("test.yaml:4:5: error: duplicate key 'reply' (first at 3:5)");
  }

  @Test
  void anUnknownKeyIsReportedWithTheNearestValidKey() {
    assertThat(
            problems(
                """
                rules:
                  - when: rcpt
                    replay: 250 2.1.5 Ok
                """))
        .containsExactly("test.yaml:3:5: error: unknown key 'replay' — did you mean 'reply'?");
  }

  @Test
  void anUnknownKeyFarFromAnyValidKeyListsTheValidKeys() {
    assertThat(problems("flavour: vanilla\n"))
        .containsExactly(
            "test.yaml:1:1: error: unknown key 'flavour' — the keys of a scenario are:"
                + " scenario, description, server, extends, rules");
  }

  @Test
  void anUnknownEventIsReportedWithTheNearestEvent() {
    assertThat(problems("rules: [{when: rcpt-to, reply: 250 Ok}]\n"))
        .containsExactly("test.yaml:1:16: error: unknown event 'rcpt-to' — did you mean 'rcpt'?");
  }

  @Test
  void misspeltValuesOfEveryEnumAreReportedWithTheNearestValue() {
    assertThat(
            problems(
                """
                server:
                  extensions: [PIPELINING, 8BITMIM]
                  auth: {mechanisms: [PLAIN, CRAM-MD4]}
                  tls: {certificate: expird}
                rules:
                  - when: rcpt
                    per: conection
                    key: [sendr]
                    fault: rest
                  - when: ehlo
                    reply: 250 Ok
                    then: hnag
                """))
        .containsExactly(
            "test.yaml:2:28: error: unknown extension '8BITMIM' — did you mean '8BITMIME'?",
            "test.yaml:3:30: error: unknown mechanism 'CRAM-MD4' — did you mean 'CRAM-MD5'?",
            "test.yaml:4:22: error: unknown certificate 'expird' — did you mean 'expired'?",
            "test.yaml:7:10: error: unknown scope 'conection' — did you mean 'connection'?",
            "test.yaml:8:11: error: unknown counter key 'sendr' — did you mean 'sender'?",
            "test.yaml:9:12: error: unknown fault 'rest' — did you mean 'reset'?",
            "test.yaml:12:11: error: unknown then 'hnag' — did you mean 'hang'?");
  }

  @Test
  void aValueOfTheWrongTypeIsReportedAtTheValue() {
    assertThat(
            problems(
                """
                server:
                  max-recipients: many
                  auth: {required: maybe}
                rules:
                  - when: rcpt
                    nth: three
                    probability: half
                    reply: [{a: b}]
                """))
        .containsExactly(
            "test.yaml:2:19: error: max-recipients must be a whole number, not 'many'",
            "test.yaml:3:20: error: required must be true or false, not 'maybe'",
            "test.yaml:6:10: error: nth must be a whole number, not 'three'",
            "test.yaml:7:18: error: probability must be a number, not 'half'",
            "test.yaml:8:13: error: reply must be text, not a mapping"
                + " — quote the reply text: reply: \"550 5.1.1 <x@y>: …\"");
  }

  @Test
  void aBlockOfTheWrongShapeIsReportedAtTheBlock() {
    assertThat(
            problems(
                """
                server: [hostname]
                rules: {when: rcpt}
                """))
        .containsExactly(
            "test.yaml:1:9: error: server must be a mapping (key: value lines), not a list",
            "test.yaml:2:8: error: rules must be a list, not a mapping");
  }

  @Test
  void aMissingValueIsReported() {
    assertThat(problems("rules:\n  - when: rcpt\n    reply:\n"))
        .containsExactly("test.yaml:3:11: error: reply has no value");
  }

  @Test
  void aReplyThatBreaksTheGrammarIsReportedAtTheReply() {
    assertThat(
            problems(
                """
                rules:
                  - when: rcpt
                    reply: 650 5.1.1 Nope
                  - when: mail
                    reply: [450 4.2.0 First, 451 4.2.0 Second]
                  - when: data
                    reply: []
                  - when: noop
                    reply: "250 Ok\\r\\n250 Again"
                """))
        .containsExactly(
            "test.yaml:3:12: error: reply: '650 5.1.1 Nope' is not a reply: it must start with a"
                + " code of three digits, the first 2-5 and the second 0-5, e.g. '452 4.5.3 Too"
                + " many recipients'",
            "test.yaml:5:12: error: reply: line '451 4.2.0 Second' has code 451 but the reply's"
                + " code is 450",
            "test.yaml:7:12: error: reply: a reply needs at least one line",
            "test.yaml:9:12: error: reply: a reply line may not contain CR or LF: give a list for"
                + " a multi-line reply");
  }

  @Test
  void aBadRegexIsReportedAtTheRegex() {
    assertThat(
            problems(
                """
                rules:
                  - when: mail
                    match: "^FROM:<(vip"
                    reply: 550 5.7.1 No
                  - when: message
                    header: {Subject: "[urgent"}
                    reply: 554 5.7.1 No
                """))
        .containsExactly(
            "test.yaml:3:12: error: match: invalid regex '^FROM:<(vip': Unclosed group near"
                + " index 11",
            "test.yaml:6:23: error: header Subject: invalid regex '[urgent': Unclosed character"
                + " class near index 6");
  }

  @Test
  void aBadDurationIsReportedWithTheUnits() {
    assertThat(
            problems(
                """
                server:
                  idle-timeout: 5 minutes
                rules:
                  - when: noop
                    delay: 3
                  - when: rset
                    drip: 1:30
                  - when: vrfy
                    delay: 3s..1x
                  - when: help
                    rate: 10/minute
                    reply: 421 4.7.0 Slow down
                """))
        .containsExactly(
            "test.yaml:2:17: error: idle-timeout: '5 minutes' is not a duration: write a number"
                + " and a unit, ms, s, m or h (e.g. 30s)",
            "test.yaml:5:12: error: delay: '3' is a YAML number, but a duration needs a unit:"
                + " write a number and a unit, ms, s, m or h (e.g. 30s)",
            "test.yaml:7:11: error: drip: '1:30' is a YAML number, but a duration needs a unit:"
                + " write a number and a unit, ms, s, m or h (e.g. 30s)",
            "test.yaml:9:12: error: delay: '1x' is not a duration: write a number and a unit,"
                + " ms, s, m or h (e.g. 30s)",
            "test.yaml:11:11: error: rate: 'minute' is not a duration: write a number and a"
                + " unit, ms, s, m or h (e.g. 30s)");
  }

  @Test
  void aBadSizeIsReportedWithTheUnits() {
    assertThat(
            problems(
                """
                server:
                  max-message-size: 10 MB
                  store: {max-bytes: 1TB}
                rules:
                  - when: message
                    min-size: -1
                    reply: 552 5.3.4 Too big
                """))
        .containsExactly(
            "test.yaml:2:21: error: max-message-size: '10 MB' is not a size: write a number of"
                + " bytes, optionally followed by B, KB, MB or GB (e.g. 10MB)",
            "test.yaml:3:22: error: max-bytes: '1TB' is not a size: write a number of bytes,"
                + " optionally followed by B, KB, MB or GB (e.g. 10MB)",
            "test.yaml:6:15: error: min-size: '-1' is not a size: write a number of bytes,"
                + " optionally followed by B, KB, MB or GB (e.g. 10MB)");
  }

  @Test
  void aBadConnectionOrRateIsReported() {
    assertThat(
            problems(
                """
                rules:
                  - when: connect
                    connection: "2..5"
                    reply: 421 4.3.2 Busy
                  - when: mail
                    rate: ten/1m
                    reply: 421 4.7.0 Slow down
                """))
        .containsExactly(
            "test.yaml:3:17: error: connection: '2..5' is not a connection number or range:"
                + " write e.g. 3 or \"2-5\"",
            "test.yaml:6:11: error: rate: 'ten/1m' is not a rate: write N/DURATION, e.g. 10/1m"
                + " for 10 in a minute");
  }

  @Test
  void anUnknownPlaceholderIsReportedWithTheNearestPlaceholder() {
    assertThat(
            problems(
                """
                rules:
                  - when: rcpt
                    reply: 550 5.1.1 <{recipent}> unknown
                """))
        .containsExactly(
            "test.yaml:3:5: error: unknown placeholder {recipent} — did you mean {recipient}?"
                + " The placeholders are {hostname}, {client-ip}, {session}, {sender},"
                + " {recipient} and {id}; write a brace as {{ or }}");
  }

  @Test
  void aPlaceholderWithNoValueOnTheRulesEventsIsReported() {
    assertThat(
            problems(
                """
                rules:
                  - when: mail
                    reply: 550 5.1.1 <{recipient}> unknown
                  - when: rcpt
                    raw: "250 {id}\\r\\n"
                  - when: [helo, mail]
                    reply: 550 5.7.1 {sender} refused
                """))
        .containsExactly(
            "test.yaml:3:5: error: {recipient} has no value on mail: it is known only on rcpt and delivery",
            "test.yaml:5:5: error: {id} has no value on rcpt: it is known only on message and delivery",
            "test.yaml:7:5: error: {sender} has no value on helo: it is known only on mail,"
                + " rcpt, data, bdat, message and delivery");
  }

  @Test
  void doubledBracesAndLoneBracesAreText() {
    Scenario s =
        Scenario.parse(
            "rules: [{when: noop, reply: \"250 2.0.0 {{json}} and a lone } or {\"}]", "t.yaml");
    assertThat(s.rules().get(0).reply().lines()).containsExactly("{{json}} and a lone } or {");
  }

  @Test
  void aRawCharacterAboveFfIsReported() {
    assertThat(
            problems(
                """
                rules:
                  - when: ehlo
                    raw: "250 \\xFF ok \\u0100\\r\\n"
                """))
        .containsExactly(
            "test.yaml:3:5: error: raw is written one byte per character (ISO-8859-1), and 'Ā'"
                + " (U+0100) has no byte; write bytes as \\xNN in double quotes");
  }

  @Test
  void aRuleWithNoActionIsReported() {
    assertThat(
            problems(
                """
                rules:
                  - when: rcpt
                    nth: 3
                """))
        .containsExactly(
            "test.yaml:2:5: error: a rule needs an action: reply, raw, fault, delay, drip, then"
                + " or after-bytes");
  }

  @Test
  void aRuleWithoutWhenIsReported() {
    assertThat(problems("rules:\n  - reply: 250 Ok\n"))
        .containsExactly(
            "test.yaml:2:5: error: a rule needs when: the event or events it reacts to");
  }

  static Stream<Arguments> forbiddenCombinations() {
    return Stream.of(
        Arguments.of(
            "reply with fault",
            "when: rcpt\n    reply: 250 Ok\n    fault: reset",
            "4:5: error: give only one of reply, raw and fault"),
        Arguments.of(
            "reply with raw",
            "when: rcpt\n    reply: 250 Ok\n    raw: \"250 Ok\\r\\n\"",
            "4:5: error: give only one of reply, raw and fault"),
        Arguments.of(
            "drip with fault",
            "when: rcpt\n    fault: hang\n    drip: 10ms",
            "4:5: error: drip slows down a reply, and a fault writes none"),
        Arguments.of(
            "then with fault",
            "when: rcpt\n    fault: disconnect\n    then: close",
            "4:5: error: then follows a reply, and a fault writes none"),
        Arguments.of(
            "after-bytes on data",
            "when: data\n    after-bytes: 100\n    fault: reset",
            "3:5: error: after-bytes needs when: message alone"),
        Arguments.of(
            "after-bytes with a reply but no then",
            "when: message\n    after-bytes: 100\n    reply: 451 4.3.0 Later",
            "3:5: error: after-bytes needs a fault, or a reply or raw with then: the data has not"
                + " ended, so there is no default reply to give"),
        Arguments.of(
            "after-bytes with body",
            "when: message\n    after-bytes: 100\n    fault: reset\n    body: x",
            "5:5: error: body needs the whole message, so it can't go with after-bytes"),
        Arguments.of(
            "tls-failure on rcpt",
            "when: rcpt\n    fault: tls-failure",
            "3:5: error: tls-failure is a fault of when: starttls alone, or of when: connect alone"
                + " on an implicit-TLS server"),
        Arguments.of(
            "per transaction on helo",
            "when: [helo, mail]\n    per: transaction\n    reply: 250 Ok",
            "3:5: error: per: transaction can't count events outside transactions: helo"),
        Arguments.of(
            "nth 2 on connect per connection",
            "when: connect\n    nth: 2\n    reply: 421 4.3.2 Busy",
            "3:5: error: nth: 2 never matches — connect happens once per connection; did you"
                + " mean `per: server` or `connection: N`?"),
        Arguments.of(
            "after on connect per connection",
            "when: connect\n    after: 1\n    reply: 421 4.3.2 Busy",
            "3:5: error: after on connect never matches — connect happens once per connection;"
                + " did you mean `per: server` or `connection: N`?"),
        Arguments.of(
            "nth with after",
            "when: rcpt\n    nth: 2\n    after: 1\n    reply: 452 4.5.3 Too many",
            "4:5: error: nth and after can't be combined: choose one"),
        Arguments.of(
            "rate per transaction",
            "when: rcpt\n    rate: 5/1s\n    per: transaction\n    reply: 452 4.5.3 Too many",
            "3:5: error: rate counts per connection or per server, not per transaction"),
        Arguments.of(
            "key sender on helo",
            "when: helo\n    key: sender\n    reply: 250 Ok",
            "3:5: error: key sender needs events inside a transaction (mail, rcpt, data, bdat,"
                + " message, delivery), not helo"),
        Arguments.of(
            "key recipient on mail",
            "when: mail\n    key: [client, recipient]\n    reply: 250 Ok",
            "3:5: error: key recipient needs when: rcpt or delivery"),
        Arguments.of(
            "match on data",
            "when: data\n    match: x\n    reply: 554 5.5.1 No",
            "3:5: error: match has nothing to test on data"),
        Arguments.of(
            "header on rcpt",
            "when: rcpt\n    header: {Subject: x}\n    reply: 550 5.7.1 No",
            "3:5: error: header needs when: message alone"),
        Arguments.of(
            "min-size on data",
            "when: data\n    min-size: 1KB\n    reply: 552 5.3.4 Too big",
            "3:5: error: min-size needs when: message alone"),
        Arguments.of(
            "nth 0",
            "when: rcpt\n    nth: 0\n    reply: 250 Ok",
            "3:5: error: nth must be at least 1, not 0"),
        Arguments.of(
            "after -1",
            "when: rcpt\n    after: -1\n    reply: 250 Ok",
            "3:5: error: after must be at least 0, not -1"),
        Arguments.of(
            "times 0",
            "when: rcpt\n    times: 0\n    reply: 250 Ok",
            "3:5: error: times must be at least 1, not 0"),
        Arguments.of(
            "probability above 1",
            "when: rcpt\n    probability: 1.5\n    reply: 250 Ok",
            "3:5: error: probability must be from 0 to 1, not 1.5"),
        Arguments.of(
            "a backwards connection range",
            "when: connect\n    connection: \"5-2\"\n    reply: 421 4.3.2 Busy",
            "3:5: error: connection 5-2: connections are numbered 1, 2, …, ranges low-high"),
        Arguments.of(
            "a backwards delay range",
            "when: noop\n    delay: 3s..1s",
            "3:5: error: a delay range goes from the shorter to the longer"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forbiddenCombinations")
  void aForbiddenCombinationIsReportedAtItsKey(String name, String rule, String problem) {
    assertThat(problems("rules:\n  - " + rule + "\n")).containsExactly("test.yaml:" + problem);
  }

  @Test
  void duplicateRuleNamesAreReportedAtTheSecondName() {
    assertThat(
            problems(
                """
                rules:
                  - name: greylist
                    when: rcpt
                    nth: 1
                    reply: 450 4.2.0 Greylisted
                  - name: greylist
                    when: mail
                    nth: 1
                    reply: 450 4.2.0 Greylisted
                """))
        .containsExactly(
            "test.yaml:6:5: error: duplicate rule name 'greylist': rule 1 'greylist'"
                + " (test.yaml:2:5) has it too");
  }

  @Test
  void severalProblemsAreReportedAtOnceInTheOrderOfTheFile() {
    assertThat(
            problems(
                """
                scenaro: many
                server:
                  idle-timeout: 90
                rules:
                  - when: rcpt
                    reply: 650 No
                  - name: a
                    when: mail
                    reply: 250 {sendr}
                  - name: a
                    when: [helo]
                    per: transaction
                    reply: 250 Ok
                """))
        .containsExactly(
            "test.yaml:1:1: error: unknown key 'scenaro' — did you mean 'scenario'?",
            "test.yaml:3:17: error: idle-timeout: '90' is a YAML number, but a duration needs a"
                + " unit: write a number and a unit, ms, s, m or h (e.g. 30s)",
            "test.yaml:6:12: error: reply: '650 No' is not a reply: it must start with a code of"
                + " three digits, the first 2-5 and the second 0-5, e.g. '452 4.5.3 Too many"
                + " recipients'",
            "test.yaml:9:5: error: unknown placeholder {sendr} — did you mean {sender}? The"
                + " placeholders are {hostname}, {client-ip}, {session}, {sender}, {recipient}"
                + " and {id}; write a brace as {{ or }}",
            "test.yaml:12:5: error: per: transaction can't count events outside transactions:"
                + " helo");
  }

  @Test
  void questionableRepliesAreWarnings() {
    assertThat(
            warnings(
                """
                rules:
                  - when: connect
                    reply: 421 5.7.32 Too fast
                  - when: noop
                    reply: 259 2.0.0 Odd
                  - when: mail
                    reply: 354 Go ahead
                  - when: vrfy
                    reply: 252 %s
                """
                    .formatted("x".repeat(510))))
        .containsExactly(
            "test.yaml:3:5: warning: enhanced code 5.7.32 has class 5 but reply code 421 has"
                + " class 4",
            "test.yaml:5:5: warning: reply code 259 is defined by none of RFC 5321, 3207, 4954,"
                + " 7504 and 7505",
            "test.yaml:7:5: warning: a 3xx reply asks the client to go on, which only data and"
                + " auth expect, not mail",
            "test.yaml:9:5: warning: reply line 1 is 516 octets long; RFC 5321 allows 512, CRLF"
                + " included");
  }

  @Test
  void theCodesOfSmtpAuthAreKnown() {
    assertThat(
            warnings(
                """
                rules:
                  - when: auth
                    nth: 1
                    reply: 334 VXNlcm5hbWU6
                  - when: auth
                    nth: 2
                    reply: 432 4.7.12 A password transition is needed
                  - when: auth
                    reply: 235 2.7.0 Authentication successful
                """))
        .isEmpty();
  }

  @Test
  void aRuleBehindAnEarlierRuleWithoutMatchersIsAWarning() {
    assertThat(
            warnings(
                """
                rules:
                  - name: every rcpt
                    when: [mail, rcpt]
                    reply: 250 2.1.5 Ok
                  - name: third rcpt
                    when: rcpt
                    nth: 3
                    reply: 452 4.5.3 Too many recipients
                  - when: message
                    after-bytes: 100
                    fault: reset
                  - when: message
                    reply: 250 2.0.0 Ok
                """))
        .containsExactly(
            "test.yaml:5:5: warning: rule 2 'third rcpt' can never match because rule 1 'every"
                + " rcpt' (no matchers) takes the same events earlier");
  }

  @Test
  void warningsDoNotStopTheLoad() {
    Scenario s = Scenario.parse("rules: [{when: noop, reply: 259 2.0.0 Odd}]", "test.yaml");
    assertThat(s.rules()).hasSize(1);
    assertThat(s.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.severity()).isEqualTo(ScenarioProblem.Severity.WARNING));
  }

  @Test
  void eachRuleRemembersWhereItWasWritten() {
    Scenario s =
        Scenario.parse(
            """
            rules:
              - when: rcpt
                reply: 250 Ok
              -   when: mail
                  reply: 250 Ok
            """,
            "test.yaml");
    assertThat(s.rules())
        .extracting(Rule::location)
        .containsExactly(
            new Rule.Location("test.yaml", 2, 5), new Rule.Location("test.yaml", 4, 7));
  }

  @Test
  void anEmptyDocumentIsThePlainSink() {
    Scenario s = Scenario.parse("# nothing but a comment\n", "empty.yaml");
    assertThat(s.name()).isEqualTo("empty");
    assertThat(s.rules()).isEmpty();
    assertThat(s.server()).isEqualTo(ServerSettings.defaults());
  }

  @Test
  void aDocumentThatIsNotAMappingIsReported() {
    assertThat(problems("- when: rcpt\n"))
        .containsExactly(
            "test.yaml:1:1: error: a scenario must be a mapping (key: value lines), not a list");
  }

  @Test
  void aSecondDocumentIsReported() {
    assertThat(problems("scenario: a\n---\nscenario: b\n"))
        .containsExactly(
            "test.yaml:2:1: error: but found another document (expected a single document in"
                + " the stream at 1:1)");
  }
}
