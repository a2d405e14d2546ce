package dev.smtpmock.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.SmtpMockServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContext;

/**
 * What {@link SharedContextFirstTest} and {@link SharedContextSecondTest} saw, in whichever order
 * they run: the same cached context, the same server on the same port, reset between them.
 */
final class SharedContextWitness {
  private record Seen(ApplicationContext context, SmtpMockServer server, int port) {}

  private static final Map<Class<?>, Seen> SEEN = new ConcurrentHashMap<>();

  private SharedContextWitness() {}

  static void sendAndCompare(
      Class<?> testClass, ApplicationContext context, SmtpMockServer smtp, WelcomeMailer mailer) {
    // the other class sent a message to this server, if it ran first: the reset removed it
    assertThat(smtp.messages()).isEmpty();
    assertThat(smtp.sessions()).isEmpty();

    mailer.sendWelcome(testClass.getSimpleName() + "@example.test");

    assertThat(smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0).recipientAddresses())
        .containsExactly(testClass.getSimpleName() + "@example.test");
    SEEN.put(testClass, new Seen(context, smtp, smtp.port()));
    for (Seen other : SEEN.values()) {
      assertThat(other.context()).isSameAs(context);
      assertThat(other.server()).isSameAs(smtp);
      assertThat(other.port()).isEqualTo(smtp.port());
    }
  }
}
