package dev.smtpmock;

import static dev.smtpmock.testing.Servers.serve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.smtpmock.testing.SmtpDialogue;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Clients that try to exhaust the server get bounded, and the server goes on (SPEC 7). */
class HostileClientsTest {

  @Test
  void aClientSendingOneBytePerIntervalIsCutByTheIdleTimeout() throws Exception {
    try (SmtpMockServer smtp = serve("server: {idle-timeout: 1s}");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      CompletableFuture<Void> trickle =
          CompletableFuture.runAsync(
              () -> {
                for (char c : "NOOP NOOP NOOP NOOP".toCharArray()) {
                  try {
                    d.sendRaw(String.valueOf(c));
                    Thread.sleep(200);
                  } catch (Exception closed) {
                    return;
                  }
                }
              });
      d.expect("421 4.4.2 smtpmock.test Error: timeout exceeded");
      assertThat(d.closedHow()).isEqualTo(SmtpDialogue.Closed.FIN);
      trickle.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aHundredThousandPipelinedCommandsWrittenWithoutReadingKeepTheWriteQueueBounded()
      throws Exception {
    int commands = 100_000;
    try (SmtpMockServer smtp = SmtpMockServer.start();
        SmtpDialogue d = SmtpDialogue.connect(smtp.port(), Duration.ofSeconds(20))) {
      d.reply();
      byte[] batch = "NOOP\r\n".repeat(1000).getBytes(StandardCharsets.US_ASCII);
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < commands / 1000; i++) {
                  d.sendRaw(batch);
                }
              });
      // Let the server's queue fill and its reading stop before the client reads anything.
      Thread.sleep(1000);
      for (int i = 0; i < commands; i++) {
        assertThat(d.line()).isEqualTo("250 2.0.0 Ok");
      }
      writer.get(20, TimeUnit.SECONDS);
      assertThat(smtp.highWaterWriteBytes())
          .isPositive()
          .isLessThanOrEqualTo(64 * 1024 + "250 2.0.0 Ok\r\n".length());
    }
  }

  @Test
  void anOversizedStreamIntoASmallHeapIsReadDiscardedAndRefused() throws Exception {
    streamIntoSmallHeap(256);
  }

  @Test
  @Tag("soak")
  void aGigabyteStreamIntoASmallHeapIsReadDiscardedAndRefused() throws Exception {
    streamIntoSmallHeap(1024);
  }

  private static void streamIntoSmallHeap(int megabytes) throws Exception {
    String javaBin =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process server =
        new ProcessBuilder(
                javaBin,
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.smtpmock.testing.ForkedServer",
                "server: {max-message-size: 1MB}")
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String ready = out.readLine();
      assertThat(ready).startsWith("port=");
      int port = Integer.parseInt(ready.substring(5));
      try (SmtpDialogue d = SmtpDialogue.connect(port, Duration.ofSeconds(60))) {
        d.reply();
        d.send("MAIL FROM:<a@b.test>").expect("250 2.1.0 Ok");
        d.send("RCPT TO:<c@d.test>").expect("250 2.1.5 Ok");
        d.send("DATA").expectStart("354 ");
        byte[] line = ("x".repeat(1022) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[line.length * 1024];
        for (int i = 0; i < 1024; i++) {
          System.arraycopy(line, 0, chunk, i * line.length, line.length);
        }
        OutputStream stream = d.socket().getOutputStream();
        for (int i = 0; i < megabytes; i++) {
          stream.write(chunk);
        }
        d.sendRaw(".\r\n").expect("552 5.3.4 Error: message file too big");
        d.send("QUIT").expect("221 2.0.0 Bye");
      }
      server.getOutputStream().close();
      assertThat(out.readLine()).isEqualTo("rejected=1");
      assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(server.exitValue()).isZero();
    } finally {
      server.destroyForcibly();
    }
  }

  @Test
  void resetsMidCommandAndMidDataLoseNothingAndTheServerGoesOn() throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start()) {
      try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
        d.reply();
        d.sendRaw("MAIL FROM:<a@b.te");
        abort(d.socket());
      }
      try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
        d.reply();
        d.send("MAIL FROM:<a@b.test>").reply();
        d.send("RCPT TO:<c@d.test>").reply();
        d.send("DATA").reply();
        d.sendRaw("Subject: cut\r\n\r\npart");
        abort(d.socket());
      }
      await().until(() -> smtp.stats().incomplete() == 1);
      assertThat(smtp.messages()).isEmpty();
      try (SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
        d.reply();
        d.send("NOOP").expect("250 2.0.0 Ok");
      }
      await().until(() -> smtp.sessions().stream().filter(s -> !s.isOpen()).count() >= 2);
      assertThat(smtp.sessions().get(0).end()).isEqualTo(SmtpSession.End.CLIENT_CLOSED);
    }
  }

  private static void abort(Socket socket) throws Exception {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  @Test
  void theIdleTimeoutIsPausedWhileTheServerOwesAReply() {
    try (SmtpMockServer smtp =
            serve("server: {idle-timeout: 1s}\nrules: [{when: noop, delay: 1500ms}]");
        SmtpDialogue d = SmtpDialogue.connect(smtp.port())) {
      d.reply();
      d.send("NOOP").expect("250 2.0.0 Ok");
      d.send("RSET").expect("250 2.0.0 Ok");
    }
  }
}
