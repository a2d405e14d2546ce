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

/** Runs at the same time as {@link ParallelUnknownUserTest}, with a scenario of its own. */
@SpringBootTest
@EnableSmtpMock(scenario = "reject-after-data")
@Execution(ExecutionMode.CONCURRENT)
class ParallelRejectedTest {
  static final String RECIPIENT = "rejected@example.test";

  @Autowired WelcomeMailer mailer;

  @Test
  void everyMessageIsRefusedByThisClassesServerOnly(SmtpMockServer smtp) throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> mailer.sendWelcome(RECIPIENT))
          .isInstanceOf(MailSendException.class)
          .hasMessageContaining("554 5.6.0");
    }
    ParallelRendezvous.meet();

    ParallelRendezvous.assertOnlyOwnSessions(smtp, RECIPIENT, 3);
    assertThat(smtp.allMessages())
        .extracting(ReceivedMessage::status)
        .containsOnly(ReceivedMessage.Status.REJECTED);
    ParallelRendezvous.assertNoMailSystemProperty();
  }
}
