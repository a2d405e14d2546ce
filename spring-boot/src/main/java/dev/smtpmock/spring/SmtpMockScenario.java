package dev.smtpmock.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs one test method of an {@link EnableSmtpMock} test with another scenario. The context's
 * server is kept, on the same port, with this scenario in force from the start of the method (after
 * the reset) to its end; then the class's scenario is back.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SmtpMockScenario {

  /** A built-in scenario's name, {@code classpath:…} or a file path. */
  String name() default "";

  /** The scenario as YAML text; not together with {@link #name()}. */
  String yaml() default "";
}
