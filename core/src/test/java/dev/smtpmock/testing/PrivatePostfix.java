package dev.smtpmock.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;

/**
 * A private Postfix instance for tests (TESTING.md's measured recipe), never the system one: its
 * configuration, queue and maillog live in a directory of the test's own, its smtpd listens on a
 * free loopback port, and it is started and stopped with {@code postfix -c ETC}. Tests make it a
 * sending MTA with {@code relayhost} (or {@code default_transport}) in the extra {@code main.cf}
 * settings, inject mail through {@link #smtpdPort()}, and read the outcome of each delivery attempt
 * from {@link #maillog()}'s {@code status=} lines.
 */
public final class PrivatePostfix implements AutoCloseable {
  private static final Path POSTFIX = Path.of("/usr/sbin/postfix");
  private static final Path POSTQUEUE = Path.of("/usr/sbin/postqueue");
  // Debian's master.cf as packaged, whatever the system instance's copy has become
  private static final Path DEBIAN_MASTER_CF = Path.of("/usr/share/postfix/master.cf.dist");
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

  private final Path etc;
  private final Path queue;
  private final Path maillog;
  private final Path commandLog;
  private final int smtpdPort;

  private PrivatePostfix(Path dir, int smtpdPort) {
    this.etc = dir.resolve("etc");
    this.queue = dir.resolve("queue");
    this.maillog = dir.resolve("maillog");
    this.commandLog = dir.resolve("command.log");
    this.smtpdPort = smtpdPort;
  }

  /**
   * Writes the configuration into {@code dir} (which must not be inside a directory the {@code
   * postfix} user cannot reach) and starts the instance. {@code mainCf} entries are added to, or
   * override, the base settings.
   */
  public static PrivatePostfix start(Path dir, Map<String, String> mainCf) {
    requireInstalled();
    PrivatePostfix postfix = new PrivatePostfix(dir, freeLoopbackPort());
    postfix.configure(dir, mainCf);
    postfix.run(POSTFIX.toString(), "-c", postfix.etc.toString(), "start");
    return postfix;
  }

  /**
   * Postfix is installed by CI (.ci/setup/30-postfix.sh), so there a missing one fails the test: a
   * skip would hide that nothing ran. Elsewhere the test is skipped, naming what is missing.
   */
  private static void requireInstalled() {
    String missing = null;
    if (!Files.isExecutable(POSTFIX)
        || !Files.isExecutable(POSTQUEUE)
        || !Files.isRegularFile(DEBIAN_MASTER_CF)) {
      missing = "postfix (apt-get install -y postfix, as .ci/setup/30-postfix.sh does)";
    } else if (!"root".equals(System.getProperty("user.name"))) {
      missing = "root, which `postfix start` needs";
    }
    if (missing == null) {
      return;
    }
    if ("true".equals(System.getenv("CI"))) {
      fail("missing: " + missing);
    }
    Assumptions.abort("missing: " + missing);
  }

  private void configure(Path dir, Map<String, String> mainCf) {
    try {
      // The postfix user must reach the queue below it; @TempDir folders are 0700
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.createDirectories(etc);
      Files.createDirectories(queue);
      StringBuilder main = new StringBuilder();
      baseSettings(dir).forEach((k, v) -> main.append(k).append(" = ").append(v).append('\n'));
      mainCf.forEach((k, v) -> main.append(k).append(" = ").append(v).append('\n'));
      Files.writeString(etc.resolve("main.cf"), main);
      Files.writeString(etc.resolve("master.cf"), masterCf());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> baseSettings(Path dir) {
    return Map.ofEntries(
        Map.entry("compatibility_level", "3.6"),
        Map.entry("queue_directory", dir.resolve("queue").toString()),
        Map.entry("data_directory", dir.resolve("data").toString()),
        Map.entry("maillog_file", dir.resolve("maillog").toString()),
        // Postfix writes its log only below a listed prefix
        Map.entry("maillog_file_prefixes", dir.toString()),
        Map.entry("myhostname", "postfix.test"),
        Map.entry("mydestination", ""),
        Map.entry("inet_interfaces", "loopback-only"),
        Map.entry("inet_protocols", "ipv4"),
        Map.entry("mynetworks", "127.0.0.0/8"),
        Map.entry("alias_maps", ""),
        Map.entry("alias_database", ""),
        Map.entry("smtpd_peername_lookup", "no"),
        Map.entry("smtpd_error_sleep_time", "0"),
        // `permit` alone is refused: Postfix wants relaying limited
        Map.entry("smtpd_relay_restrictions", "permit_mynetworks, reject_unauth_destination"));
  }

  /**
   * Debian's master.cf with the public {@code smtp inet} listener moved to this instance's loopback
   * port, and no chroot: Debian's init script, which a private instance never runs, is what copies
   * into a chroot the files (resolv.conf, services, …) the daemons need.
   */
  private String masterCf() throws IOException {
    StringBuilder result = new StringBuilder();
    for (String line : Files.readAllLines(DEBIAN_MASTER_CF, StandardCharsets.UTF_8)) {
      String[] columns = line.trim().split("\\s+");
      boolean service =
          !line.isBlank()
              && !Character.isWhitespace(line.charAt(0))
              && !line.startsWith("#")
              && columns.length >= 8;
      if (service && columns[0].equals("smtp") && columns[1].equals("inet")) {
        result.append("127.0.0.1:").append(smtpdPort).append(" inet n - n - - smtpd\n");
      } else if (service) {
        columns[4] = "n";
        result.append(String.join(" ", columns)).append('\n');
      } else {
        result.append(line).append('\n');
      }
    }
    return result.toString();
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port of this instance's smtpd on 127.0.0.1, where tests inject mail. */
  public int smtpdPort() {
    return smtpdPort;
  }

  /** Retries every deferred message now ({@code postqueue -f}), dead destinations included. */
  public void flush() {
    run(POSTQUEUE.toString(), "-c", etc.toString(), "-f");
  }

  /** The maillog so far, one entry a line. */
  public List<String> maillog() {
    try {
      return Files.exists(maillog)
          ? Files.readAllLines(maillog, StandardCharsets.ISO_8859_1)
          : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the first maillog line {@code wanted} accepts; fails with the maillog on timeout. */
  public String awaitMaillog(Predicate<String> wanted, Duration timeout) {
    try {
      return await()
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> maillog().stream().filter(wanted).findFirst(), Optional::isPresent)
          .get();
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "no such maillog line within " + timeout + "; maillog:\n" + String.join("\n", maillog()),
          e);
    }
  }

  /** Stops the instance, and ends its master by PID if it outlives the stop. */
  @Override
  public void close() {
    Optional<ProcessHandle> master = masterProcess();
    run(POSTFIX.toString(), "-c", etc.toString(), "stop");
    master.ifPresent(
        process -> {
          process.onExit().completeOnTimeout(process, 10, TimeUnit.SECONDS).join();
          if (process.isAlive()) {
            process.destroyForcibly();
          }
        });
  }

  private Optional<ProcessHandle> masterProcess() {
    try {
      Path pid = queue.resolve("pid").resolve("master.pid");
      return Files.exists(pid)
          ? ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()))
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // Output goes to a file, not a pipe: the daemons that `postfix start` leaves running could hold
  // a pipe open, and reading it to its end would then never return.
  private void run(String... command) {
    try {
      Files.deleteIfExists(commandLog);
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(commandLog.toFile())
              .start();
      if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not end");
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(
            String.join(" ", command)
                + " exited with "
                + process.exitValue()
                + ": "
                + Files.readString(commandLog, StandardCharsets.ISO_8859_1)
                // off a terminal, Postfix reports a bad configuration to syslog only
                + "(on a terminal, postfix -c "
                + etc
                + " check says what is wrong)"
                + "\nmaillog:\n"
                + String.join("\n", maillog()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
