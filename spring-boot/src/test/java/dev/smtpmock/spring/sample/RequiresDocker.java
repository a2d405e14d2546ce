package dev.smtpmock.spring.sample;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.smtpmock.testcontainers.SmtpMockContainer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * The test runs the image that docker/ builds in its pre-integration-test. Without Docker it is
 * skipped with a message, or fails when {@code CI} is set (TESTING.md); without the image it fails,
 * naming the command that builds it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDocker.Condition.class)
@interface RequiresDocker {

  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      String image;
      try (SmtpMockContainer container = new SmtpMockContainer()) {
        image = container.getDockerImageName();
      }
      if (!DockerClientFactory.instance().isDockerAvailable()) {
        String ci = System.getenv("CI");
        String why = "Docker is not available (no engine answered), so " + image;
        if (ci != null && !ci.isEmpty() && !ci.equals("false")) {
          throw new IllegalStateException(why + " cannot be tested, and CI=" + ci + " is set");
        }
        return ConditionEvaluationResult.disabled(why + " is not tested: start a Docker engine");
      }
      try {
        DockerClientFactory.instance().client().inspectImageCmd(image).exec();
      } catch (NotFoundException e) {
        throw new IllegalStateException(
            "The image "
                + image
                + " is not built; build it with: mvn -pl docker -am verify"
                + " (-Dsmtpmock.baseImage=jre-base:local where no registry is reachable)");
      }
      return ConditionEvaluationResult.enabled("Docker is available and " + image + " is built");
    }
  }
}
