package dev.smtpmock.spring;

import dev.smtpmock.junit.SuppliesSmtpMock;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a fault-injecting SMTP server for the Spring application context of the annotated test
 * class, and points the context's mail settings at it.
 *
 * <pre>{@code
 * @SpringBootTest
 * @EnableSmtpMock(scenario = "greylisting")
 * class WelcomeMailerTest {
 *   @InjectSmtpMock SmtpMockServer smtp;
 *   @Autowired WelcomeMailer mailer;
 *   ...
 * }
 * }</pre>
 *
 * <p>One {@link dev.smtpmock.SmtpMockServer} per application context: it is started before the
 * context refreshes, its host and port are put into the context's {@code Environment} under {@link
 * #hostProperty()} and {@link #portProperty()} (a property source ahead of the application's own,
 * never system properties), it is a bean of the context, and it is closed with the context. Test
 * classes with the same configuration share Spring's cached context, and so its server; other
 * configurations get contexts and servers of their own. The server is reset before each test
 * method, and {@link SmtpMockScenario} swaps its scenario for one method.
 *
 * <p>{@code @InjectSmtpMock SmtpMockServer} fields and {@code SmtpMockServer} parameters of test
 * and lifecycle methods get the context's server; it is also a bean for {@code @Autowired}. The
 * context also trusts the server's test CA, and nothing else, through the SSL bundle {@value
 * SmtpMockProperties#SSL_BUNDLE} that {@code spring.mail.ssl.bundle} names.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SuppliesSmtpMock
@ExtendWith(SmtpMockParameterResolver.class)
public @interface EnableSmtpMock {

  /**
   * A built-in scenario's name, {@code classpath:…} or a file path, as {@code Scenario.resolve}
   * takes it. Neither this nor {@link #yaml()}: the built-in {@code default}, a plain sink.
   */
  String scenario() default "";

  /** The scenario as YAML text; not together with {@link #scenario()}. */
  String yaml() default "";

  /** The property that gets the server's host; empty for none. */
  String hostProperty() default "spring.mail.host";

  /** The property that gets the server's port; empty for none. */
  String portProperty() default "spring.mail.port";
}
