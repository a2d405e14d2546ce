package dev.smtpmock.junit;

import static dev.smtpmock.junit.SmtpMockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smtpmock.SmtpMockServer;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;

/**
 * The README's example, end to end: Jakarta Mail (Angus) sends to four recipients, the server
 * defers the third, and the test checks both what the client saw and what the server captured.
 */
@SmtpMock(
    yaml =
        """
        rules: [{when: rcpt, nth: 3, per: transaction, reply: 452 4.5.3 Too many recipients}]
        """)
class MailerExampleTest {

  @Test
  void thirdRecipientIsDeferredAndTheOthersGetTheMessage(SmtpMockServer smtp) throws Exception {
    MimeMessage message = new MimeMessage(session(smtp));
    message.setFrom("app@example.com");
    message.setRecipients(
        RecipientType.TO, "ann@example.com, bob@example.com, cid@example.com, dan@example.com");
    message.setSubject("Welcome");
    message.setText("Hello and welcome.");

    SendFailedException failure =
        catchThrowableOfType(SendFailedException.class, () -> Transport.send(message));

    // What the client saw: the message went out, the third recipient was deferred with 452.
    assertThat(addresses(failure.getValidSentAddresses()))
        .containsExactly("ann@example.com", "bob@example.com", "dan@example.com");
    assertThat(addresses(failure.getValidUnsentAddresses())).containsExactly("cid@example.com");
    SMTPAddressFailedException deferred = addressFailure(failure);
    assertThat(deferred.getReturnCode()).isEqualTo(452);
    assertThat(deferred.getAddress().getAddress()).isEqualTo("cid@example.com");
    assertThat(deferred.getMessage()).contains("452 4.5.3 Too many recipients");

    // What the server captured.
    assertThat(smtp)
        .onlyMessage()
        .isAccepted()
        .hasSender("app@example.com")
        .hasRecipients("ann@example.com", "bob@example.com", "dan@example.com")
        .hasSubject("Welcome")
        .hasBodyContaining("Hello and welcome.");
    assertThat(smtp)
        .onlySession()
        .sentInOrder("MAIL FROM:<app@example.com>", "RCPT TO:<cid@example.com>", "DATA", "QUIT")
        .receivedReply("452 4.5.3 Too many recipients");
  }

  /** A client that sends only what succeeded, and reports the rest (mail.smtp.sendpartial). */
  static Session session(SmtpMockServer smtp) {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", smtp.host());
    properties.put("mail.smtp.port", String.valueOf(smtp.port()));
    properties.put("mail.smtp.sendpartial", "true");
    properties.put("mail.smtp.connectiontimeout", "5000");
    properties.put("mail.smtp.timeout", "5000");
    return Session.getInstance(properties);
  }

  static List<String> addresses(Address[] addresses) {
    List<String> list = new ArrayList<>();
    if (addresses != null) {
      for (Address address : addresses) {
        list.add(((InternetAddress) address).getAddress());
      }
    }
    return list;
  }

  /** Jakarta Mail chains one SMTPAddressFailedException per refused recipient. */
  static SMTPAddressFailedException addressFailure(MessagingException failure) {
    for (Exception e = failure.getNextException();
        e != null;
        e = e instanceof MessagingException m ? m.getNextException() : null) {
      if (e instanceof SMTPAddressFailedException address) {
        return address;
      }
    }
    throw new AssertionError("no SMTPAddressFailedException in the chain of " + failure, failure);
  }
}
