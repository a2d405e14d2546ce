package dev.smtpmock.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A sample test class that only {@link TestKit} runs. Samples fail on purpose; should a build tool
 * select one directly (e.g. {@code -Dtest=dev.smtpmock.junit.**} matches nested classes), it is
 * skipped instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestKitSample.OnlyInTestKit.class)
public @interface TestKitSample {

  /** Enables samples only under the configuration parameter that {@link TestKit} sets. */
  final class OnlyInTestKit implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context
              .getConfigurationParameter(TestKit.SAMPLES_ENABLED)
              .map(Boolean::parseBoolean)
              .orElse(false)
          ? ConditionEvaluationResult.enabled("run by TestKit")
          : ConditionEvaluationResult.disabled("a sample for TestKit, not a test of its own");
    }
  }
}
