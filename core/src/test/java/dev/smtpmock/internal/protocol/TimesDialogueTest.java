package dev.smtpmock.internal.protocol;

import static dev.smtpmock.testing.Servers.serve;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.scenario.Scenario;
import dev.smtpmock.testing.SmtpDialogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code times} is counted server-wide (per key value) whatever the rule's {@code per}, which
 * scopes {@code nth}, {@code after} and {@code rate} only (SPEC 2.4, revision 3). It used to be
 * counted per connection, so {@code when: connect, times: 1} refused every connection.
 */
class TimesDialogueTest {
  private static final String REFUSE_FIRST_CONNECTION =
      "rules: [{when: connect, times: 1, reply: 421 4.3.2 Service not available}]";

  @ParameterizedTest(name = "[{index}] {0}times: 1")
  @ValueSource(strings = {"", "per: connection, ", "per: server, "})
  void connectTimesOneRefusesTheFirstConnectionAndServesEveryLaterOne(String per) {
    try (SmtpMockServer smtp =
        serve(
            "rules: [{when: connect, "
                + per
                + "times: 1, reply: 421 4.3.2 Service not available}]")) {
      assertRefused(smtp);
      assertServed(smtp);
      assertServed(smtp);
    }
  }

  @Test
  void keyedTimesCountsEachSenderOnceAcrossConnections() {
    try (SmtpMockServer smtp =
        serve("rules: [{when: mail, key: [sender], times: 1, reply: 451 4.7.1 Try again later}]")) {
      try (SmtpDialogue first = SmtpDialogue.connect(smtp.port())) {
        first.expectStart("220 ").send("EHLO client.test").expectStart("250-");
        first.send("MAIL FROM:<a@example.org>").expect("451 4.7.1 Try again later");
        first.send("MAIL FROM:<a@example.org>").expect("250 2.1.0 Ok");
      }
      try (SmtpDialogue second = SmtpDialogue.connect(smtp.port())) {
        second.expectStart("220 ").send("EHLO client.test").expectStart("250-");
        second.send("MAIL FROM:<a@example.org>").expect("250 2.1.0 Ok");
        second.send("RSET").expect("250 2.0.0 Ok");
        second.send("MAIL FROM:<b@example.org>").expect("451 4.7.1 Try again later");
      }
    }
  }

  @Test
  void resetRestoresTimes() {
    try (SmtpMockServer smtp = serve(REFUSE_FIRST_CONNECTION)) {
      assertRefused(smtp);
      assertServed(smtp);

      smtp.reset();

      assertRefused(smtp);
      assertServed(smtp);
    }
  }

  @Test
  void aScenarioSwapRestoresTimes() {
    try (SmtpMockServer smtp = serve(REFUSE_FIRST_CONNECTION)) {
      assertRefused(smtp);
      assertServed(smtp);

      smtp.scenario(Scenario.parse(REFUSE_FIRST_CONNECTION, "swapped.yaml"));

      assertRefused(smtp);
      assertServed(smtp);
    }
  }

  private static void assertRefused(SmtpMockServer smtp) {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.expect("421 4.3.2 Service not available");
      assertThat(d.closedHow()).isEqualTo(SmtpDialogue.Closed.FIN);
    }
  }

  private static void assertServed(SmtpMockServer smtp) {
    try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.expectStart("220 ").send("QUIT").expectStart("221 ");
    }
  }
}
