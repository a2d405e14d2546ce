package dev.smtpmock.spring.sample;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/** The code under test: sends a welcome mail through Boot's {@link JavaMailSender}. */
@Service
public class WelcomeMailer {
  static final String SENDER = "app@example.test";

  private final JavaMailSender sender;

  WelcomeMailer(JavaMailSender sender) {
    this.sender = sender;
  }

  public void sendWelcome(String... recipients) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(SENDER);
    message.setTo(recipients);
    message.setSubject("Welcome");
    message.setText("Hello!");
    sender.send(message);
  }
}
