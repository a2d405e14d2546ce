package dev.smtpmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

/** What SmtpMockContainer checks before any container exists (no Docker needed). */
class SmtpMockContainerTest {

  @Test
  void exposesTheSmtpAndAdminPorts() {
    try (SmtpMockContainer smtp = new SmtpMockContainer("smtpmock/smtpmock:0.1.0-SNAPSHOT")) {
      assertThat(smtp.getExposedPorts()).containsExactly(2525, 8025);
    }
  }

  @Test
  void theNoArgumentConstructorUsesTheImageOfTheModulesVersion() {
    try (SmtpMockContainer smtp = new SmtpMockContainer()) {
      // the pom's version, not SmtpMockImage.NAME: -Dsmtpmock.image may name another tag to test
      assertThat(smtp.getDockerImageName())
          .isEqualTo("smtpmock/smtpmock:" + System.getProperty("smtpmock.version"));
    }
  }

  @Test
  void refusesAnImageThatIsNotSmtpmock() {
    assertThatThrownBy(() -> new SmtpMockContainer("mailhog/mailhog:latest"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("smtpmock/smtpmock");
  }

  @Test
  void takesAnImageDeclaredCompatible() {
    DockerImageName mirrored =
        DockerImageName.parse("registry.example.test/tools/smtpmock:1")
            .asCompatibleSubstituteFor("smtpmock/smtpmock");
    try (SmtpMockContainer smtp = new SmtpMockContainer(mirrored)) {
      assertThat(smtp.getExposedPorts()).containsExactly(2525, 8025);
    }
  }

  @Test
  void refusesABuiltInNameThatIsAPath() {
    try (SmtpMockContainer smtp = new SmtpMockContainer("smtpmock/smtpmock:0.1.0-SNAPSHOT")) {
      assertThatThrownBy(() -> smtp.withBuiltInScenario("/scenarios/mine.yaml"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("withScenario(MountableFile)");
    }
  }

  @Test
  void refusesAnEmptyScenario() {
    try (SmtpMockContainer smtp = new SmtpMockContainer("smtpmock/smtpmock:0.1.0-SNAPSHOT")) {
      assertThatThrownBy(() -> smtp.withScenario("  \n"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the scenario YAML is empty");
    }
  }
}
