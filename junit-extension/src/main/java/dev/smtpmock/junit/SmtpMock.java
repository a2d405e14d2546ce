package dev.smtpmock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a fault-injecting SMTP server for the annotated test class, {@code @Nested} class or test
 * method, and resolves {@link dev.smtpmock.SmtpMockServer} parameters and {@link InjectSmtpMock}
 * fields.
 *
 * <pre>{@code
 * @SmtpMock(scenario = "greylisting")
 * class MailerTest {
 *   @Test
 *   void retriesAfterDeferral(SmtpMockServer smtp) { ... }
 *
 *   @Test
 *   @SmtpMock(yaml = """
 *       rules: [{ when: connect, reply: 421 4.3.2 Down for maintenance }]
 *       """)
 *   void reportsOutage(SmtpMockServer smtp) { ... }
 * }
 * }</pre>
 *
 * <p>A method-level annotation replaces the class's {@code scenario}/{@code yaml} for that method;
 * any other attribute it leaves at its default comes from the class (or the enclosing class of a
 * {@code @Nested} class). Give at most one of {@code scenario} and {@code yaml}; with neither, the
 * built-in {@code default} scenario (a plain sink) runs.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SmtpMockExtension.class)
public @interface SmtpMock {

  /** A built-in scenario name, {@code classpath:path/to/file.yaml}, or a file path. */
  String scenario() default "";

  /** The scenario itself, as YAML (a text block reads well). */
  String yaml() default "";

  /** Whether each test gets its own server, or the class shares one. */
  Lifecycle lifecycle() default Lifecycle.PER_METHOD;

  /** The port to listen on; 0 (the default) picks a free one. */
  int port() default 0;

  /**
   * A system property set to the server's host while it runs (e.g. {@code spring.mail.host}),
   * restored afterwards.
   */
  String hostProperty() default "";

  /**
   * A system property set to the server's port while it runs (e.g. {@code spring.mail.port}),
   * restored afterwards.
   */
  String portProperty() default "";

  /** How long a server lives. */
  enum Lifecycle {
    /** A fresh server, on a fresh port, for every test (the default). */
    PER_METHOD,
    /**
     * One server for the whole class, its messages, sessions and counters reset before each test.
     * Its tests must not run concurrently with each other.
     */
    PER_CLASS
  }
}
