package dev.smtpmock.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted peer on a plain server socket: the bytes each way are exact. */
class SmtpDialogueTest {
  private ServerSocket listener;

  @BeforeEach
  void listen() throws IOException {
    listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void stop() throws IOException {
    listener.close();
  }

  /** Accepts one connection, writes {@code script}, reads until the client sent {@code end}. */
  private CompletableFuture<String> peer(String script, String end) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Socket client = listener.accept()) {
            OutputStream out = client.getOutputStream();
            out.write(script.getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            int b;
            while (!got.toString(StandardCharsets.UTF_8).endsWith(end) && (b = in.read()) >= 0) {
              got.write(b);
            }
            return got.toString(StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @Test
  void readsAMultiLineReplyWhole() {
    peer("220 hi\r\n250-first\r\n250 last\r\n", "EHLO x\r\n");
    try (SmtpDialogue d = SmtpDialogue.connect(listener.getLocalPort())) {
      d.expect("220 hi");
      assertThat(d.command("EHLO x").lines()).containsExactly("250-first", "250 last");
    }
  }

  @Test
  void readsALineLongerThanWhatOneReadBrings() {
    String longLine = "250 " + "x".repeat(40_000);
    peer(longLine + "\r\n250 next\r\n", "");
    try (SmtpDialogue d = SmtpDialogue.connect(listener.getLocalPort())) {
      assertThat(d.line()).isEqualTo(longLine);
      assertThat(d.line()).isEqualTo("250 next");
      assertThat(d.line()).isNull();
    }
  }

  @Test
  void dataStuffsEveryLineStartingWithADotAndEndsTheMessage() throws Exception {
    CompletableFuture<String> received = peer("354 go\r\n250 ok\r\n", "\r\n.\r\n");
    try (SmtpDialogue d = SmtpDialogue.connect(listener.getLocalPort())) {
      assertThat(d.data(".one\r\n..two\r\nthree").text()).isEqualTo("250 ok");
    }
    assertThat(received.get(5, TimeUnit.SECONDS))
        .isEqualTo("DATA\r\n..one\r\n...two\r\nthree\r\n.\r\n");
  }

  @Test
  void aMismatchIsAnAssertionErrorQuotingTheReply() {
    peer("220 hi\r\n", "");
    try (SmtpDialogue d = SmtpDialogue.connect(listener.getLocalPort())) {
      assertThatThrownBy(() -> d.expectCode(554))
          .isInstanceOf(AssertionError.class)
          .hasMessage("expected a 554 reply\nbut got \"220 hi\"");
    }
  }

  @Test
  void aReplyCutByTheCloseFailsWithWhatCame() {
    peer("250-first\r\n", "");
    try (SmtpDialogue d = SmtpDialogue.connect(listener.getLocalPort())) {
      assertThatThrownBy(d::reply)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("reply so far: [250-first]");
    }
  }

  @Test
  void tellsAFinFromAResetFromAConnectionLeftOpen() throws Exception {
    CompletableFuture<Void> fin = CompletableFuture.runAsync(() -> accept(false));
    try (SmtpDialogue d = SmtpDialogue.connect(listener.getLocalPort())) {
      assertThat(d.send("QUIT").closedHow()).isEqualTo(SmtpDialogue.Closed.FIN);
    }
    fin.get(5, TimeUnit.SECONDS);

    CompletableFuture<Void> reset = CompletableFuture.runAsync(() -> accept(true));
    try (SmtpDialogue d = SmtpDialogue.connect(listener.getLocalPort())) {
      assertThat(d.send("QUIT").closedHow()).isEqualTo(SmtpDialogue.Closed.RESET);
    }
    reset.get(5, TimeUnit.SECONDS);

    try (SmtpDialogue d = SmtpDialogue.connect(listener.getLocalPort(), Duration.ofMillis(200))) {
      assertThat(d.closedHow()).isEqualTo(SmtpDialogue.Closed.OPEN);
    }
  }

  /** Accepts a connection and, once the client has written, closes it: FIN, or RST. */
  private void accept(boolean reset) {
    try {
      Socket client = listener.accept();
      client.getInputStream().read();
      if (reset) {
        client.setSoLinger(true, 0);
      }
      client.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
