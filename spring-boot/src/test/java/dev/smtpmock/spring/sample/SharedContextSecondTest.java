package dev.smtpmock.spring.sample;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.spring.EnableSmtpMock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** Configured as {@link SharedContextFirstTest}: one cached context, one server. */
@SpringBootTest
@EnableSmtpMock(scenario = "default")
class SharedContextSecondTest {

  @Test
  void sendsToTheServerOfTheSharedContext(
      @Autowired ApplicationContext context, @Autowired WelcomeMailer mailer, SmtpMockServer smtp) {
    SharedContextWitness.sendAndCompare(getClass(), context, smtp, mailer);
  }
}
