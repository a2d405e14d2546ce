package dev.smtpmock.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.spring.EnableSmtpMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.MailSendException;

/** Runs at the same time as {@link ParallelRejectedTest}, with a scenario of its own. */
@SpringBootTest
@EnableSmtpMock(scenario = "unknown-user")
@Execution(ExecutionMode.CONCURRENT)
class ParallelUnknownUserTest {
  static final String RECIPIENT = "known@example.test";

  @Autowired WelcomeMailer mailer;

  @Test
  void knownUsersGetTheMailFromThisClassesServerOnly(SmtpMockServer smtp) throws Exception {
    for (int i = 0; i < 3; i++) {
      mailer.sendWelcome(RECIPIENT);
    }
    assertThatThrownBy(() -> mailer.sendWelcome("unknown-user@example.test"))
        .isInstanceOf(MailSendException.class)
        .hasMessageContaining("550 5.1.1");
    ParallelRendezvous.meet();

    ParallelRendezvous.assertOnlyOwnSessions(smtp, RECIPIENT, 3);
    assertThat(smtp.allMessages())
        .extracting(ReceivedMessage::status)
        .containsOnly(ReceivedMessage.Status.ACCEPTED);
    ParallelRendezvous.assertNoMailSystemProperty();
  }
}
