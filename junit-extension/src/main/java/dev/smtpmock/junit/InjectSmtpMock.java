package dev.smtpmock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a {@link dev.smtpmock.SmtpMockServer} field that receives the test's server before any
 * {@code @BeforeEach} method runs. A {@code static} field needs {@code lifecycle = PER_CLASS} and
 * is set before any {@code @BeforeAll} method runs.
 *
 * <p>The server still comes from {@link SmtpMock} or a registered {@link SmtpMockExtension}, or
 * from the framework of an annotation marked {@link SuppliesSmtpMock} (such as {@code
 * EnableSmtpMock}, which sets the field to its Spring context's server); the annotation registers
 * the extension only so that a field with none of them fails loudly instead of staying {@code
 * null}.
 */
@Target({ElementType.FIELD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(SmtpMockExtension.class)
public @interface InjectSmtpMock {}
