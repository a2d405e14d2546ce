package dev.smtpmock.testcontainers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test needs a Docker engine and the image {@code mvn verify} built ({@link
 * SmtpMockImage#NAME}). Without Docker it is skipped with a message, or fails when {@code CI} is
 * set (TESTING.md); without the image it fails, naming the command that builds it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SmtpMockImage.Condition.class)
@interface RequiresSmtpMockImage {}
