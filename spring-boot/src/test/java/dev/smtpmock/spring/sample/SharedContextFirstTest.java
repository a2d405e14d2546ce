package dev.smtpmock.spring.sample;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.spring.EnableSmtpMock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** Configured as {@link SharedContextSecondTest}: one cached context, one server. */
@SpringBootTest
@EnableSmtpMock(scenario = "default")
class SharedContextFirstTest {

  @Test
  void sendsToTheServerOfTheSharedContext(
      @Autowired ApplicationContext context, @Autowired WelcomeMailer mailer, SmtpMockServer smtp) {
    SharedContextWitness.sendAndCompare(getClass(), context, smtp, mailer);
  }
}
