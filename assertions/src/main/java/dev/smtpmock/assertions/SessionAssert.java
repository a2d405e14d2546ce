package dev.smtpmock.assertions;

import dev.smtpmock.assertions.Dialogue.Exchange;
import dev.smtpmock.assertions.Dialogue.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a client did in one SMTP session: its commands in order, and how it reacted to
 * the replies. Failure messages quote the transcript.
 */
public final class SessionAssert extends AbstractAssert<SessionAssert, CapturedSession> {

  SessionAssert(CapturedSession actual) {
    super(actual, SessionAssert.class);
  }

  /** The client sent exactly these command verbs, in this order ({@code "EHLO", "MAIL", …}). */
  public SessionAssert sentVerbs(String... verbs) {
    isNotNull();
    List<String> expected = Arrays.stream(verbs).map(v -> v.toUpperCase(Locale.ROOT)).toList();
    List<String> sent = commands().stream().map(Exchange::verb).toList();
    if (!sent.equals(expected)) {
      failComparing(
          "to have sent the commands\n  " + expected + "\nbut it sent\n  " + sent, expected, sent);
    }
    return this;
  }

  /**
   * The client sent commands starting with these texts (case-insensitive; {@code "RCPT"} or {@code
   * "MAIL FROM:<a@example.com>"}), in this order, possibly with others between them.
   */
  public SessionAssert sentInOrder(String... commands) {
    isNotNull();
    List<Exchange> sent = commands();
    int from = 0;
    for (String command : commands) {
      int found = indexOf(sent, command, from);
      if (found < 0) {
        fail(
            "to have sent, in this order,\n  "
                + Arrays.toString(commands)
                + "\nbut found no "
                + quote(command)
                + (from == 0 ? "" : " after " + quote(sent.get(from - 1).text())));
      }
      from = found + 1;
    }
    return this;
  }

  /** Some command starts with {@code command} (case-insensitive). */
  public SessionAssert sent(String command) {
    isNotNull();
    if (indexOf(commands(), command, 0) < 0) {
      fail("to have sent " + quote(command) + ", but it did not");
    }
    return this;
  }

  /** No command starts with {@code command} (case-insensitive). */
  public SessionAssert didNotSend(String command) {
    isNotNull();
    int found = indexOf(commands(), command, 0);
    if (found >= 0) {
      fail(
          "not to have sent "
              + quote(command)
              + ", but it sent "
              + quote(commands().get(found).text()));
    }
    return this;
  }

  /** The client's first command after the first reply with this code was QUIT (RFC 5321 §3.8). */
  public SessionAssert sentQuitAfter(int code) {
    isNotNull();
    List<Exchange> after = commandsAfter(code);
    if (after.isEmpty()) {
      fail("to have sent QUIT after the " + code + " reply, but it sent nothing more");
    }
    if (!after.get(0).verb().equals("QUIT")) {
      fail(
          "to have sent QUIT after the "
              + code
              + " reply, but it sent "
              + quote(after.get(0).text()));
    }
    return this;
  }

  /** After the first reply with this code the client gave up: it sent nothing, or only QUIT. */
  public SessionAssert sentOnlyQuitAfter(int code) {
    isNotNull();
    Optional<Exchange> other =
        commandsAfter(code).stream().filter(e -> !e.verb().equals("QUIT")).findFirst();
    if (other.isPresent()) {
      fail(
          "to have given up after the "
              + code
              + " reply (nothing, or QUIT), but it sent "
              + quote(other.get().text()));
    }
    return this;
  }

  /**
   * In every transaction where the server refused every RCPT, the client sent no DATA (or BDAT) but
   * gave up on the transaction. Fails too when no transaction had every RCPT refused, since then
   * the test did not exercise what it claims. A client that pipelines DATA before it reads the RCPT
   * replies (RFC 2920 allows it) fails it as well.
   */
  public SessionAssert sentNoDataAfterAllRecipientsRefused() {
    isNotNull();
    boolean exercised = false;
    List<Exchange> refused = new ArrayList<>();
    boolean accepted = false;
    boolean inTransaction = false;
    for (Exchange e : exchanges()) {
      switch (e.verb()) {
        case "MAIL" -> {
          inTransaction = true;
          accepted = false;
          refused.clear();
        }
        case "RCPT" -> {
          if (e.positive()) {
            accepted = true;
          } else {
            refused.add(e);
          }
        }
        case "DATA", "BDAT" -> {
          if (inTransaction && !accepted && !refused.isEmpty()) {
            fail(
                "to send no "
                    + e.verb()
                    + " once every RCPT was refused, but after\n"
                    + describe(refused)
                    + "\nit sent "
                    + quote(e.text()));
          }
          inTransaction = false;
        }
        case "RSET", "HELO", "EHLO", "STARTTLS", "QUIT" -> {
          exercised |= inTransaction && !accepted && !refused.isEmpty();
          inTransaction = false;
        }
        default -> {}
      }
    }
    exercised |= inTransaction && !accepted && !refused.isEmpty();
    if (!exercised) {
      fail(
          "to have had every RCPT of a transaction refused, and then to send no DATA, but no"
              + " transaction had every RCPT refused");
    }
    return this;
  }

  /**
   * The client sent AUTH, and only once TLS was established (by STARTTLS, or from connect with
   * {@code tls.implicit}), so its credentials never crossed in plaintext.
   */
  public SessionAssert sentStartTlsBeforeAuth() {
    isNotNull();
    boolean tls = false;
    for (Exchange e : exchanges()) {
      if (e.kind() == Kind.TLS_ESTABLISHED) {
        tls = true;
      } else if (e.verb().equals("AUTH")) {
        if (!tls) {
          fail(
              "to have sent STARTTLS before AUTH, but it sent "
                  + quote(e.text())
                  + " in plaintext");
        }
        return this;
      }
    }
    fail("to have sent STARTTLS and then AUTH, but it never sent AUTH");
    return this;
  }

  /**
   * The server sent a reply starting with {@code reply} (e.g. {@code "452"} or {@code "452
   * 4.5.3"}).
   */
  public SessionAssert receivedReply(String reply) {
    isNotNull();
    boolean found =
        exchanges().stream().anyMatch(e -> e.reply() != null && e.reply().startsWith(reply));
    if (!found) {
      fail("to have received a reply starting with " + quote(reply) + ", but it did not");
    }
    return this;
  }

  /**
   * How the session ended ({@code SmtpSession.End} or {@code SmtpMockClient.Session.End}); sessions
   * still open have no end.
   */
  public SessionAssert endedWith(Enum<?> end) {
    isNotNull();
    String ended = actual.end() == null ? null : actual.end().name();
    if (!end.name().equals(ended)) {
      failComparing(
          "to have ended with "
              + end
              + ", but "
              + (actual.end() == null ? "it is still open" : "it ended with " + actual.end()),
          end.name(),
          ended);
    }
    return this;
  }

  /**
   * After the first reply with this code, the client tried the same again (the same verb; for MAIL
   * and RCPT the same address) later in this session. For retries in a new connection, assert on
   * the server: {@code assertThat(server).retriedAfter(451)}.
   */
  public RetryAssert retriedAfter(int code) {
    isNotNull();
    return Retries.after(List.of(actual), code, "session " + actual.id(), info);
  }

  private List<Exchange> exchanges() {
    return Dialogue.of(actual);
  }

  private List<Exchange> commands() {
    return exchanges().stream().filter(e -> e.kind() == Kind.COMMAND).toList();
  }

  private List<Exchange> commandsAfter(int code) {
    List<Exchange> exchanges = exchanges();
    for (int i = 0; i < exchanges.size(); i++) {
      if (exchanges.get(i).code() == code) {
        return exchanges.subList(i + 1, exchanges.size()).stream()
            .filter(e -> e.kind() == Kind.COMMAND)
            .toList();
      }
    }
    fail("to have received a " + code + " reply, but it did not");
    return List.of();
  }

  private static int indexOf(List<Exchange> commands, String prefix, int from) {
    for (int i = from; i < commands.size(); i++) {
      if (commands.get(i).text().regionMatches(true, 0, prefix, 0, prefix.length())) {
        return i;
      }
    }
    return -1;
  }

  private static String describe(List<Exchange> exchanges) {
    return String.join("\n", exchanges.stream().map(e -> "  " + e.describe()).toList());
  }

  private static String quote(String text) {
    return "\"" + text + "\"";
  }

  private String described(String expectation) {
    return "Expecting session "
        + actual.id()
        + " "
        + expectation
        + "\ntranscript:\n"
        + Quotes.transcript(actual);
  }

  private void fail(String expectation) {
    throw Failures.of(info, described(expectation), List.of(actual));
  }

  private void failComparing(String expectation, Object expected, Object actualValue) {
    throw Failures.comparing(info, described(expectation), expected, actualValue, List.of(actual));
  }
}
