package dev.smtpmock.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.springframework.mail.MailSendException;

/** Reads what Spring and Jakarta Mail report about a message that was not (fully) sent. */
final class Failures {
  private Failures() {}

  /** The exception of the one failed message. */
  static SendFailedException sendFailed(MailSendException exception) {
    assertThat(exception.getFailedMessages()).hasSize(1);
    return (SendFailedException) exception.getFailedMessages().values().iterator().next();
  }

  /** One per refused recipient, in RCPT order: Angus Mail chains them to the send failure. */
  static List<SMTPAddressFailedException> recipientFailures(MailSendException exception) {
    List<SMTPAddressFailedException> failures = new ArrayList<>();
    Exception next = sendFailed(exception).getNextException();
    while (next instanceof MessagingException messaging) {
      if (messaging instanceof SMTPAddressFailedException failure) {
        failures.add(failure);
      }
      next = messaging.getNextException();
    }
    return failures;
  }

  static List<String> addresses(Address[] addresses) {
    return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
  }
}
