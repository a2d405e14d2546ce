package dev.smtpmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpmock.testcontainers.SmtpMockClient.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.MountableFile;

/** A scenario given as text, as a file, as a Transferable or by a built-in's name takes effect. */
@RequiresSmtpMockImage
class ScenarioSourcesIT {

  @Test
  void aScenarioGivenAsTextAnswersTheClient() throws Exception {
    // scenario-as-text {
    try (SmtpMockContainer smtp =
        new SmtpMockContainer(SmtpMockImage.IMAGE)
            .withScenario(
                """
                rules:
                  - name: unknown-user
                    when: rcpt
                    match: nobody@example\\.test
                    reply: 550 5.1.1 User unknown
                """)) {
      smtp.start();
      // }
      assertThatThrownBy(
              () -> Mail.to(smtp).send("app@example.test", "nobody@example.test", "hi", "body"))
          .hasStackTraceContaining("550 5.1.1 User unknown");
      Mail.to(smtp).send("app@example.test", "somebody@example.test", "hi", "body");

      assertThat(smtp.client().messages())
          .singleElement()
          .satisfies(
              m -> assertThat(m.recipientAddresses()).containsExactly("somebody@example.test"));
      assertThat(smtp.client().sessions().get(0).lines())
          .anySatisfy(
              line -> {
                assertThat(line.text()).isEqualTo("550 5.1.1 User unknown");
                assertThat(line.rule().name()).isEqualTo("unknown-user");
                assertThat(line.rule().source()).isEqualTo(SmtpMockContainer.SCENARIO_PATH);
              });
    }
  }

  @Test
  void aScenarioFileIsCopiedInReadableByTheContainersUser(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("mailbox-full.yaml");
    Files.writeString(
        file,
        new String(
            getClass().getResourceAsStream("/scenarios/mailbox-full-for-one.yaml").readAllBytes(),
            StandardCharsets.UTF_8));
    // owner-only: copied as is, user 10001 in the container could not read it
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    try (SmtpMockContainer smtp =
        new SmtpMockContainer(SmtpMockImage.IMAGE).withScenario(MountableFile.forHostPath(file))) {
      smtp.start();

      assertThatThrownBy(
              () -> Mail.to(smtp).send("app@example.test", "full@example.test", "hi", "body"))
          .hasStackTraceContaining("452 4.2.2 Mailbox full");
      assertThat(smtp.client().scenario()).contains("mailbox-full-for-one");
    }
  }

  @Test
  void aScenarioOnTheClasspathCanBeGivenAsAMountableFile() throws Exception {
    // scenario-as-file {
    try (SmtpMockContainer smtp =
        new SmtpMockContainer(SmtpMockImage.IMAGE)
            .withScenario(
                MountableFile.forClasspathResource("scenarios/mailbox-full-for-one.yaml"))) {
      smtp.start();
      // }
      assertThatThrownBy(
              () -> Mail.to(smtp).send("app@example.test", "full@example.test", "hi", "body"))
          .hasStackTraceContaining("452 4.2.2 Mailbox full");
    }
  }

  @Test
  void aScenarioGivenAsATransferableAnswersTheClient() throws Exception {
    try (SmtpMockContainer smtp =
        new SmtpMockContainer(SmtpMockImage.IMAGE)
            .withScenario(
                Transferable.of(
                    "rules: [{ when: mail, reply: 451 4.3.0 Try again later }]"
                        .getBytes(StandardCharsets.UTF_8)))) {
      smtp.start();

      assertThatThrownBy(
              () -> Mail.to(smtp).send("app@example.test", "someone@example.test", "hi", "body"))
          .hasMessageContaining("451 4.3.0 Try again later");
    }
  }

  @Test
  void aBuiltInScenarioIsRunByName() throws Exception {
    // built-in-scenario {
    try (SmtpMockContainer smtp =
        new SmtpMockContainer(SmtpMockImage.IMAGE).withBuiltInScenario("unavailable")) {
      smtp.start();
      // }
      assertThatThrownBy(
              () -> Mail.to(smtp).send("app@example.test", "someone@example.test", "hi", "body"))
          .hasMessageContaining("421 4.3.2");

      Session session = smtp.client().sessions().get(0);
      assertThat(session.replies()).containsExactly("421 4.3.2 Service currently unavailable");
      assertThat(session.lines().get(0).rule().name()).isEqualTo("service-unavailable");
      assertThat(smtp.getEnvMap()).containsEntry("SMTPMOCK_SCENARIO", "unavailable");
    }
  }

  @Test
  void twoScenariosForOneContainerAreRefusedBeforeAnythingStarts() {
    try (SmtpMockContainer smtp =
        new SmtpMockContainer(SmtpMockImage.IMAGE)
            .withBuiltInScenario("greylisting")
            .withScenario("rules: []")) {
      assertThatThrownBy(smtp::start)
          .hasStackTraceContaining("SmtpMockContainer runs one scenario, but 2 were given")
          .hasStackTraceContaining("withBuiltInScenario(\"greylisting\")");
      assertThat(smtp.getContainerId()).isNull();
    }
  }

  @Test
  void anInvalidScenarioFailsTheStartAtOnceWithTheRunnersProblems() {
    try (SmtpMockContainer smtp =
        new SmtpMockContainer(SmtpMockImage.IMAGE)
            .withScenario("rules: [{ when: sometimes, reply: 250 ok }]")) {
      long start = System.nanoTime();
      assertThatThrownBy(smtp::start)
          .hasStackTraceContaining("smtpmock stopped (exit code 1)")
          .hasStackTraceContaining(
              "/scenarios/scenario.yaml:1:17: error: unknown event 'sometimes'");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }
  }
}
