package dev.smtpmock.spring.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The sample application: Spring Boot's mail auto-configuration and {@link WelcomeMailer}. */
@SpringBootApplication
public class MailerApplication {}
