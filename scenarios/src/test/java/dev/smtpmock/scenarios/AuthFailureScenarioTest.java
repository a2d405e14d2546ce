package dev.smtpmock.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.scenario.Scenario;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/** {@code auth-failure}: AUTH gets 535 5.7.8, from the fourth attempt 454 4.7.0. */
class AuthFailureScenarioTest {
  private static final String LOCKED_OUT =
      "454 4.7.0 Too many login attempts, please try again later.";

  private static String badCredentials(SmtpSession session) {
    return "535-5.7.8 Username and Password not accepted. Learn more at\r\n"
        + "535 5.7.8  https://support.google.com/mail/?p=BadCredentials "
        + session.id()
        + " - gsmtp";
  }

  @Test
  void aLoginIsRefusedWithGmailsTwoLine535AndTheClientSendsNoMail() {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("auth-failure"))) {
      Mailer mailer = Mailer.of(smtp).login("app", "revoked-password");

      assertThatThrownBy(() -> mailer.send(mailer.message("Alert", "ops@example.test")))
          .isInstanceOf(AuthenticationFailedException.class)
          .satisfies(e -> assertThat(Mailer.replyCode((MessagingException) e)).isEqualTo(535));

      SmtpSession session = smtp.sessions().get(0);
      assertThat(lastOf(Transcripts.serverLines(session))).isEqualTo(badCredentials(session));
      assertThat(
              Transcripts.replyLinesTo(
                  session, session.commands().get(session.commands().size() - 1)))
          .singleElement()
          .satisfies(line -> assertThat(line.rule().name()).isEqualTo("bad-credentials"));
      assertThat(session.user()).isNull();
      assertThat(session.commands()).noneMatch(c -> c.startsWith("MAIL"));
    }
  }

  @Test
  void aClientThatKeepsRetryingIsLockedOutWith454FromTheFourthAttempt() {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("auth-failure"))) {
      Mailer mailer =
          Mailer.of(smtp).login("app", "revoked-password").set("auth.mechanisms", "PLAIN");

      // a careless client: it treats the failed login as temporary and tries again
      for (int attempt = 1; attempt <= 5; attempt++) {
        assertThatThrownBy(() -> mailer.send(mailer.message("Alert", "ops@example.test")))
            .isInstanceOf(AuthenticationFailedException.class);
        Mailer.pause(Duration.ofMillis(20));
      }

      List<SmtpSession> sessions = smtp.sessions();
      assertThat(sessions)
          .extracting(s -> lastOf(Transcripts.serverLines(s)))
          .containsExactly(
              badCredentials(sessions.get(0)),
              badCredentials(sessions.get(1)),
              badCredentials(sessions.get(2)),
              LOCKED_OUT,
              LOCKED_OUT);
    }
  }

  private static String lastOf(List<String> lines) {
    return lines.get(lines.size() - 1);
  }

  @Test
  void mailWithoutAuthGets530() {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.resolve("auth-failure"))) {
      Mailer mailer = Mailer.of(smtp);

      assertThatThrownBy(() -> mailer.send(mailer.message("Alert", "ops@example.test")))
          .isInstanceOfSatisfying(
              SMTPSendFailedException.class,
              e -> {
                assertThat(e.getReturnCode()).isEqualTo(530);
                assertThat(Mailer.firstLine(e.getMessage()))
                    .isEqualTo("530 5.7.0 Authentication required");
              });
    }
  }
}
