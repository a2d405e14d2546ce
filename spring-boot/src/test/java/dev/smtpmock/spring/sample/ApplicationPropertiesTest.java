package dev.smtpmock.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.junit.InjectSmtpMock;
import dev.smtpmock.spring.EnableSmtpMock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;

/**
 * The test's server wins over the application's configured mail host, without system properties.
 */
@SpringBootTest
@ActiveProfiles("production")
@EnableSmtpMock
class ApplicationPropertiesTest {

  @InjectSmtpMock SmtpMockServer field;

  @Test
  void bootsMailSenderPointsAtTheTestsServer(
      SmtpMockServer parameter,
      @Autowired SmtpMockServer bean,
      @Autowired JavaMailSenderImpl sender,
      @Autowired Environment environment) {
    assertThat(parameter).isSameAs(field).isSameAs(bean);
    assertThat(sender.getHost()).isEqualTo(bean.host()).isNotEqualTo("mail.example.invalid");
    assertThat(sender.getPort()).isEqualTo(bean.port());
    assertThat(environment.getProperty("spring.mail.port", Integer.class)).isEqualTo(bean.port());
    assertThat(System.getProperty("spring.mail.host")).isNull();
    assertThat(System.getProperty("spring.mail.port")).isNull();
  }
}
