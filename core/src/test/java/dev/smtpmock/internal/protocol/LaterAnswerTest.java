package dev.smtpmock.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.internal.rules.Occurrence;
import dev.smtpmock.internal.transport.SmtpListener;
import dev.smtpmock.scenario.Event;
import dev.smtpmock.scenario.Reply;
import dev.smtpmock.scenario.Scenario;
import dev.smtpmock.testing.SmtpDialogue;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The default answer behind {@link Answerer} may come later, from another thread, as an upstream
 * server's would: the session waits for it without an I/O thread waiting.
 */
class LaterAnswerTest {
  private static final long LATER_MILLIS = 50;
  private static final long VRFY_LATER_MILLIS = 2000;

  private final ScheduledExecutorService answers =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "later-answers"));
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private SmtpListener listener;

  /** One call of the answerer: for which event. */
  private record Call(Event event) {}

  /** Answers with the built-in reply 50 ms later (VRFY: 2 s), on its own scheduler thread. */
  private final class Later implements Answerer {
    @Override
    public void answer(Occurrence occurrence, Supplier<Reply> builtIn, Consumer<Reply> answer) {
      Reply reply = builtIn.get();
      long later = occurrence.event() == Event.VRFY ? VRFY_LATER_MILLIS : LATER_MILLIS;
      answers.schedule(() -> answer.accept(reply), later, TimeUnit.MILLISECONDS);
      calls.add(new Call(occurrence.event()));
    }
  }

  private SmtpDialogue serve(String yaml) {
    ServerContext context =
        new ServerContext(
            Scenario.parse(yaml, "test.yaml"),
            1,
            SmtpListener.scheduler(),
            (session, line) -> {},
            new Later());
    listener = SmtpListener.bind(context, "127.0.0.1", 0, 50, false);
    return connect();
  }

  private SmtpDialogue connect() {
    return SmtpDialogue.connect(listener.address().getPort());
  }

  @AfterEach
  void stop() {
    if (listener != null) {
      listener.close();
    }
    answers.shutdownNow();
  }

  @Test
  void pipelinedRepliesComeInOrderWhenEachAnswerComesLater() {
    try (SmtpDialogue client = serve("server: { extensions: [PIPELINING] }\nrules: []\n")) {
      client.sendRaw(
          "EHLO client.test\r\nMAIL FROM:<a@x.test>\r\nRCPT TO:<b@y.test>\r\nRCPT TO:<c@y.test>\r\n"
              + "DATA\r\n");
      client.expect("220 smtpmock.test ESMTP smtpmock");
      client.expect("250-smtpmock.test\r\n250 PIPELINING");
      client.expect("250 Ok").expect("250 Ok").expect("250 Ok");
      client.expect("354 End data with <CR><LF>.<CR><LF>");
      client.sendRaw("Subject: later\r\n\r\nbody\r\n.\r\nNOOP\r\nQUIT\r\n");
      client.expectStart("250 Ok: queued as ");
      client.expect("250 Ok");
      client.expect("221 Bye");
    }
    assertThat(calls)
        .extracting(Call::event)
        .containsExactly(
            Event.CONNECT,
            Event.EHLO,
            Event.MAIL,
            Event.RCPT,
            Event.RCPT,
            Event.DATA,
            Event.MESSAGE,
            Event.NOOP,
            Event.QUIT);
  }

  @Test
  void theIdleTimerStaysPausedWhileAnAnswerIsOwed() {
    // six answers owed one after another take 300 ms with no client input meanwhile: an idle timer
    // that ran on would answer 421 after 120 ms
    try (SmtpDialogue client = serve("server: { idle-timeout: 120ms }\nrules: []\n")) {
      client.sendRaw("NOOP\r\nNOOP\r\nNOOP\r\nNOOP\r\nNOOP\r\n");
      client.expect("220 smtpmock.test ESMTP smtpmock");
      for (int i = 0; i < 5; i++) {
        client.expect("250 2.0.0 Ok");
      }
      client.expect("421 4.4.2 smtpmock.test Error: timeout exceeded");
    }
  }

  @Test
  void anotherSessionIsServedWhileOneWaitsForItsAnswer() throws IOException {
    // the I/O threads are shared by every connection (one on this machine's two cores): one that
    // waited for the VRFY's answer could serve the second session only after that answer was sent
    try (SmtpDialogue waiting = serve("rules: [{ when: noop, delay: 10ms }]\n")) {
      waiting.expect("220 smtpmock.test ESMTP smtpmock");
      waiting.send("VRFY someone@y.test");
      try (SmtpDialogue other = connect()) {
        other.sendRaw("NOOP\r\nRSET\r\nQUIT\r\n");
        other.expect("220 smtpmock.test ESMTP smtpmock");
        other.expect("250 2.0.0 Ok").expect("250 2.0.0 Ok").expect("221 2.0.0 Bye");
      }
      assertThat(waiting.socket().getInputStream().available()).isZero();
      waiting.expect("252 2.0.0 someone@y.test");
    }
    assertThat(calls).extracting(Call::event).contains(Event.VRFY, Event.NOOP, Event.QUIT);
  }
}
