package dev.smtpmock.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Import;

/**
 * Points Spring Boot's mail settings at a {@code @ServiceConnection SmtpMockContainer}, so that
 * Boot configures its {@code JavaMailSender} for it, also where {@code spring.mail.host} is unset
 * (registered in {@code META-INF/spring/…AutoConfiguration.imports}).
 *
 * <p>It runs before Boot's mail auto-configuration, whose class and package differ between Boot 3.5
 * ({@code org.springframework.boot.autoconfigure.mail}) and 4.0 ({@code
 * org.springframework.boot.mail.autoconfigure}, module {@code spring-boot-mail}): both are named,
 * and the settings are Environment properties, which both lines bind to their {@code
 * MailProperties}, so no class of either is referenced.
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration",
      "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration"
    })
@ConditionalOnClass(name = "org.springframework.mail.javamail.JavaMailSender")
@Import(MailPropertiesFromConnectionDetails.class)
class SmtpMockServiceConnectionAutoConfiguration {}
