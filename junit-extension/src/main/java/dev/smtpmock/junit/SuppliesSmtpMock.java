package dev.smtpmock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an annotation of another framework that supplies the {@link dev.smtpmock.SmtpMockServer} of
 * a test, such as smtpmock-spring-boot's {@code @EnableSmtpMock} (one server per Spring application
 * context).
 *
 * <p>In a test class that carries such an annotation (directly, inherited, or on an enclosing
 * class), {@link SmtpMockExtension} leaves {@link InjectSmtpMock} fields and {@code SmtpMockServer}
 * parameters to that framework: two suppliers would make JUnit report competing parameter
 * resolvers, and an {@code @InjectSmtpMock} field would fail for want of {@link SmtpMock}. A
 * {@code @SmtpMock} in such a test is an error, as it would be ignored.
 */
@Target(ElementType.ANNOTATION_TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SuppliesSmtpMock {}
