package dev.smtpmock.testcontainers;

import com.github.dockerjava.api.exception.NotFoundException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/** The image under test, as docker/pom.xml built it in pre-integration-test. */
final class SmtpMockImage {
  /** {@code smtpmock/smtpmock:VERSION}, from failsafe's system property {@code smtpmock.image}. */
  static final String NAME =
      System.getProperty("smtpmock.image", "smtpmock/smtpmock:0.1.0-SNAPSHOT");

  static final DockerImageName IMAGE = DockerImageName.parse(NAME);

  private SmtpMockImage() {}

  /** Checks once per test class: Docker there, and the image built. */
  static final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (!DockerClientFactory.instance().isDockerAvailable()) {
        String ci = System.getenv("CI");
        String why = "Docker is not available (no engine answered), so the image " + NAME;
        if (ci != null && !ci.isEmpty() && !ci.equals("false")) {
          throw new IllegalStateException(why + " cannot be tested, and CI=" + ci + " is set");
        }
        return ConditionEvaluationResult.disabled(why + " is not tested: start a Docker engine");
      }
      try {
        DockerClientFactory.instance().client().inspectImageCmd(NAME).exec();
      } catch (NotFoundException e) {
        throw new IllegalStateException(
            "The image "
                + NAME
                + " is not built; build it with: mvn -pl docker -am verify"
                + " (-Dsmtpmock.baseImage=jre-base:local where no registry is reachable)");
      }
      return ConditionEvaluationResult.enabled("Docker is available and " + NAME + " is built");
    }
  }
}
