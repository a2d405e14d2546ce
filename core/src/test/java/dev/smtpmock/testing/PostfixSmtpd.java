package dev.smtpmock.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A private Postfix smtpd on a free loopback port, configured like smtpmock's defaults (SPEC 3):
 * hostname {@code smtpmock.test}, greeting {@code ESMTP smtpmock}, a 10 MB size limit, mail from
 * loopback relayed and then discarded. Made by TESTING.md's recipe in a directory of its own, never
 * the system instance. Starting it takes root and Debian's postfix; without them a test is skipped,
 * or fails when {@code CI=true}, since CI installs them.
 */
public final class PostfixSmtpd implements AutoCloseable {
  private static final Path POSTFIX = Path.of("/usr/sbin/postfix");

  private final Path directory;
  private final int port;

  private PostfixSmtpd(Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  /** Starts an instance and waits until it listens. */
  public static PostfixSmtpd start() {
    requirePostfix();
    try {
      Path directory = Files.createTempDirectory("postfix-smtpd");
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
      int port = freePort();
      Files.createDirectories(directory.resolve("etc"));
      Files.createDirectories(directory.resolve("queue"));
      Path data = Files.createDirectories(directory.resolve("data"));
      Files.setOwner(
          data,
          data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postfix"));
      Files.writeString(directory.resolve("etc/main.cf"), mainCf(directory));
      Files.writeString(directory.resolve("etc/master.cf"), masterCf(port));
      PostfixSmtpd smtpd = new PostfixSmtpd(directory, port);
      smtpd.postfix("start");
      smtpd.awaitListening();
      return smtpd;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  private static void requirePostfix() {
    boolean root = "root".equals(System.getProperty("user.name"));
    if (Files.isExecutable(POSTFIX) && root) {
      return;
    }
    String why =
        "a private Postfix smtpd needs "
            + (root ? POSTFIX + " (apt-get install -y postfix, preseeded: TESTING.md)" : "root");
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(why);
    }
    Assumptions.abort(why);
  }

  private static String mainCf(Path directory) {
    return String.join(
        "\n",
        "compatibility_level = 3.6",
        "queue_directory = " + directory.resolve("queue"),
        "data_directory = " + directory.resolve("data"),
        "maillog_file = " + directory.resolve("maillog"),
        "maillog_file_prefixes = " + directory,
        "inet_interfaces = loopback-only",
        "inet_protocols = ipv4",
        "myhostname = smtpmock.test",
        "mydestination =",
        "mynetworks = 127.0.0.0/8",
        "smtpd_banner = $myhostname ESMTP smtpmock",
        "smtpd_peername_lookup = no",
        "smtpd_error_sleep_time = 0",
        "smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination",
        "message_size_limit = 10485760",
        "alias_maps =",
        "alias_database =",
        "local_recipient_maps =",
        "default_transport = discard",
        "relay_transport = discard",
        // a dialogue of refusals must not end in Postfix's 421 "too many errors"
        "smtpd_hard_error_limit = 1000",
        "smtpd_soft_error_limit = 1000",
        "smtpd_junk_command_limit = 1000",
        "");
  }

  /** Debian's master.cf with smtpd on the port, and no service chrooted. */
  private static String masterCf(int port) throws IOException {
    StringBuilder cf = new StringBuilder();
    for (String line : Files.readAllLines(Path.of("/etc/postfix/master.cf"))) {
      String[] columns = line.trim().split("\\s+");
      boolean service =
          !line.startsWith("#") && !line.startsWith(" ") && !line.isBlank() && columns.length >= 8;
      if (service && columns[0].equals("smtp") && columns[1].equals("inet")) {
        cf.append("127.0.0.1:").append(port).append(" inet n - n - - smtpd\n");
      } else if (service) {
        columns[4] = "n";
        cf.append(String.join(" ", columns)).append('\n');
      } else {
        cf.append(line).append('\n');
      }
    }
    return cf.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitListening() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Postfix did not listen on " + port + " within 20 s");
        }
        sleep(100);
      }
    }
  }

  private void postfix(String command) {
    try {
      Process process =
          new ProcessBuilder(POSTFIX.toString(), "-c", directory.resolve("etc").toString(), command)
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes());
      if (process.waitFor() != 0) {
        throw new IllegalStateException("postfix " + command + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the instance, ends its master by PID if it lingers, and removes its directory. */
  @Override
  public void close() {
    postfix("stop");
    Path pidFile = directory.resolve("queue/pid/master.pid");
    try {
      if (Files.exists(pidFile)) {
        ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
            .ifPresent(ProcessHandle::destroy);
      }
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(PostfixSmtpd::delete);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // a socket Postfix still holds: the temp directory is the system's to clear
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
