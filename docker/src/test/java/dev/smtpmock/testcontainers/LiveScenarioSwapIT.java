package dev.smtpmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpmock.testcontainers.SmtpMockClient.Problem;
import dev.smtpmock.testcontainers.SmtpMockClient.ScenarioUpdate;
import dev.smtpmock.testing.SmtpDialogue;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** client().scenario(yaml) swaps the scenario of the running container; the next reply changes. */
@RequiresSmtpMockImage
@Testcontainers
class LiveScenarioSwapIT {

  @Container static SmtpMockContainer smtp = new SmtpMockContainer(SmtpMockImage.IMAGE);

  @Test
  void aSwapChangesTheNextReplyOnAnOpenConnection() throws Exception {
    try (SmtpDialogue dialogue = SmtpDialogue.connect(smtp.getSmtpHost(), smtp.getSmtpPort())) {
      assertThat(dialogue.reply().text()).startsWith("220 ");
      assertThat(dialogue.command("EHLO client.test").text()).startsWith("250-");
      assertThat(dialogue.command("MAIL FROM:<a@example.test>").text()).isEqualTo("250 2.1.0 Ok");
      assertThat(dialogue.command("RSET").text()).startsWith("250 ");

      // live-swap {
      ScenarioUpdate update =
          smtp.client()
              .scenario(
                  """
                  scenario: sender-blocked
                  rules:
                    - when: mail
                      reply: 553 5.7.1 Sender address rejected
                  """);
      // }
      assertThat(update.scenario()).isEqualTo("sender-blocked");
      assertThat(dialogue.command("MAIL FROM:<a@example.test>").text())
          .isEqualTo("553 5.7.1 Sender address rejected");
      assertThat(dialogue.command("QUIT").text()).startsWith("221 ");
    }
  }

  @Test
  void anInvalidScenarioIsRefusedWithItsProblemsAndTheOldOneStays() {
    smtp.client().scenario("scenario: before\nrules: []\n");

    assertThatThrownBy(() -> smtp.client().scenario("rules:\n  - when: mail\n    replay: 550\n"))
        .isInstanceOfSatisfying(
            SmtpMockClientException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.problems())
                  .isNotEmpty()
                  .allSatisfy(p -> assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR))
                  .anySatisfy(
                      p -> {
                        assertThat(p.message()).contains("replay");
                        assertThat(p.line()).isEqualTo(3);
                      });
              assertThat(e.getMessage()).contains("PUT /api/scenario:3:");
            });
    assertThat(smtp.client().scenario()).contains("before");
  }
}
