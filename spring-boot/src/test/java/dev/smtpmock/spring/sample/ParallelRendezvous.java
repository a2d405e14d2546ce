package dev.smtpmock.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.SmtpMockServer;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * Where {@link ParallelRejectedTest} and {@link ParallelUnknownUserTest} meet: each waits here for
 * the other, so both pass only when JUnit ran them at the same time, each with its own context and
 * server.
 */
final class ParallelRendezvous {
  private static final CyclicBarrier BOTH = new CyclicBarrier(2);

  private ParallelRendezvous() {}

  /** Returns once the other class has sent its mail too. */
  static void meet() throws Exception {
    BOTH.await(60, TimeUnit.SECONDS);
  }

  /** No class of this module sets a system property for the mail settings. */
  static void assertNoMailSystemProperty() {
    assertThat(System.getProperties().stringPropertyNames())
        .noneMatch(name -> name.startsWith("spring.mail"));
  }

  static void assertOnlyOwnSessions(SmtpMockServer smtp, String recipient, int count) {
    assertThat(smtp.allMessages())
        .hasSize(count)
        .allSatisfy(m -> assertThat(m.recipientAddresses()).containsExactly(recipient));
  }
}
