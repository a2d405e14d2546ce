package dev.smtpmock.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand connections held at once (SPEC 7). One JVM cannot hold both ends within the hard
 * file limit here (TESTING.md), so the server and the client each run in a process of their own,
 * started through bash to raise the soft limit.
 */
class TenThousandConnectionsTest {
  private static final int CONNECTIONS = 10_000;
  private static final int NEEDED_DESCRIPTORS = 12_000;

  @Test
  void tenThousandConnectionsAreHeldAtOnceThenEachAnswersNoopAndQuit() throws Exception {
    long hardLimit = hardFileLimit();
    assertThat(hardLimit)
        .as(
            "ulimit -Hn is %s, but %,d connections held from another process need at least %,d"
                + " file descriptors per process (TESTING.md); raise the hard limit",
            hardLimit, CONNECTIONS, NEEDED_DESCRIPTORS)
        .isGreaterThanOrEqualTo(NEEDED_DESCRIPTORS);

    Process server = java("-Xmx512m", HeldConnectionsServer.class.getName());
    Process client = null;
    try {
      // read all the server prints from the start, so that it never blocks on a full pipe
      BlockingQueue<String> serverOut = new LinkedBlockingQueue<>();
      Thread drain =
          new Thread(
              () -> {
                try (BufferedReader out = reader(server)) {
                  out.lines().forEach(serverOut::add);
                } catch (IOException | UncheckedIOException ended) {
                  // the process is gone
                }
              },
              "server-output");
      drain.setDaemon(true);
      drain.start();
      String ready = serverOut.poll(30, TimeUnit.SECONDS);
      assertThat(ready).as("the server's first line").startsWith("port=");
      int port = Integer.parseInt(ready.substring("port=".length()));

      client =
          java(
              "-Xmx256m",
              HeldConnectionsClient.class.getName(),
              String.valueOf(port),
              String.valueOf(CONNECTIONS),
              "50");
      List<String> clientOut = lines(reader(client));
      assertThat(client.waitFor(60, TimeUnit.SECONDS)).as("the client exits").isTrue();
      assertThat(clientOut)
          .as("the client's report (exit %d)", client.exitValue())
          .contains("held=" + CONNECTIONS, "answered=" + CONNECTIONS);
      assertThat(client.exitValue()).isZero();

      server.getOutputStream().close();
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("the server exits").isTrue();
      drain.join(5_000);
      assertThat(new ArrayList<>(serverOut))
          .contains("connections=" + CONNECTIONS, "quit=" + CONNECTIONS);
    } finally {
      if (client != null) {
        client.destroyForcibly();
      }
      server.destroyForcibly();
    }
  }

  /** The hard limit on open files, as a child process started by bash would see it. */
  private static long hardFileLimit() throws IOException, InterruptedException {
    Process ulimit =
        new ProcessBuilder("bash", "-c", "ulimit -Hn").redirectErrorStream(true).start();
    String out = new String(ulimit.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(ulimit.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return out.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(out);
  }

  /** A JVM running {@code mainClass} with the test class path and a soft file limit of 20,000. */
  private static Process java(String heap, String mainClass, String... args) throws IOException {
    String javaBin =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add("-c");
    // $0 and $@ carry the command line, so that nothing in it needs quoting for the shell
    command.add("ulimit -n 20000 2>/dev/null || ulimit -n \"$(ulimit -Hn)\"; exec \"$0\" \"$@\"");
    command.add(javaBin);
    command.add(heap);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static BufferedReader reader(Process process) {
    return new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  private static List<String> lines(BufferedReader reader) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line; (line = reader.readLine()) != null; ) {
      lines.add(line);
    }
    return lines;
  }
}
