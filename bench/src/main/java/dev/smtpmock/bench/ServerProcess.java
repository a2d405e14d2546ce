package dev.smtpmock.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One server under test, as its own process on 127.0.0.1: smtpmock is the runner jar, GreenMail and
 * Wiser are {@link PeerMain}, smtp-sink is Postfix's. Every Java server runs with the JVM's
 * defaults (no -Xmx), as a user would start it.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern READY =
      Pattern.compile("smtpmock ready smtp=(\\S+):(\\d+) admin=(\\S+)");
  private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");

  private final Peer peer;
  private final Process process;
  private final int port;
  private final String adminUrl;
  private final BlockingQueue<String> stdout;
  private final PrintWriter stdin;
  private final List<String> command;

  private ServerProcess(
      Peer peer,
      Process process,
      int port,
      String adminUrl,
      BlockingQueue<String> stdout,
      List<String> command) {
    this.peer = peer;
    this.process = process;
    this.port = port;
    this.adminUrl = adminUrl;
    this.stdout = stdout;
    this.stdin =
        new PrintWriter(
            new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
            true);
    this.command = command;
  }

  /** The command that starts a peer; PORT stands for the port where one must be given. */
  public static List<String> command(
      Peer peer, Settings settings, Path scenario, List<String> jvmArgs) {
    List<String> c = new ArrayList<>();
    switch (peer) {
      case SMTPMOCK -> {
        c.add(settings.java());
        c.addAll(jvmArgs);
        c.addAll(List.of("-jar", settings.runnerJar().toString(), "run"));
        if (scenario != null) {
          c.add(scenario.toString());
        }
        // the admin API (on a free port) only answers the final count of captured messages
        c.addAll(List.of("--smtp-port", "0", "--admin-port", "0", "--quiet"));
      }
      case GREENMAIL, WISER -> {
        c.add(settings.java());
        c.addAll(jvmArgs);
        c.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        c.addAll(List.of("-cp", settings.classpath(), PeerMain.class.getName()));
        c.add(peer == Peer.GREENMAIL ? "greenmail" : "wiser");
      }
      case SMTP_SINK -> {
        c.add(Tools.SMTP_SINK);
        if ("root".equals(System.getProperty("user.name"))) {
          c.addAll(List.of("-u", "nobody")); // required when started as root
        }
        // -m: connections handled at once (default 256) must not cap the idle-connection test
        c.addAll(List.of("-m", "12000", "127.0.0.1:PORT", "1024"));
      }
      default -> throw new IllegalArgumentException(peer.toString());
    }
    return c;
  }

  /** Starts the peer and waits until it listens (at most 60 s). */
  public static ServerProcess start(Peer peer, Settings settings, Path scenario, Path log)
      throws IOException {
    return start(peer, settings, scenario, log, List.of());
  }

  /** The same, with options for the JVM (Java peers only). */
  public static ServerProcess start(
      Peer peer, Settings settings, Path scenario, Path log, List<String> jvmArgs)
      throws IOException {
    if (peer != Peer.SMTP_SINK) {
      return start(peer, settings, command(peer, settings, scenario, jvmArgs), 0, log);
    }
    // smtp-sink needs a port given: a free one now may be taken by the time it binds (the
    // ephemeral range is shared with every client connection), so try a few
    IOException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      int port = freePort();
      List<String> command = command(peer, settings, scenario, jvmArgs);
      command.replaceAll(a -> a.replace("127.0.0.1:PORT", "127.0.0.1:" + port));
      try {
        return start(peer, settings, command, port, log);
      } catch (IOException e) {
        last = e;
      }
    }
    throw last;
  }

  private static ServerProcess start(
      Peer peer, Settings settings, List<String> command, int sinkPort, Path log)
      throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(log.toFile());
    if (peer == Peer.SMTP_SINK) {
      pb.redirectOutput(
          ProcessBuilder.Redirect.appendTo(
              log.resolveSibling(log.getFileName() + ".out").toFile()));
    }
    Process process = pb.start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    if (peer != Peer.SMTP_SINK) {
      pump(process.getInputStream(), lines, peer.label());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    try {
      if (peer == Peer.SMTP_SINK) {
        waitListening(process, sinkPort, deadline);
        return new ServerProcess(peer, process, sinkPort, null, lines, command);
      }
      while (true) {
        String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (line == null) {
          throw new IOException(peer.label() + " did not say it was ready within 60 s; see " + log);
        }
        if (peer == Peer.SMTPMOCK) {
          Matcher m = READY.matcher(line);
          if (m.find()) {
            return new ServerProcess(
                peer, process, Integer.parseInt(m.group(2)), m.group(3), lines, command);
          }
        } else if (line.startsWith("ready ")) {
          return new ServerProcess(
              peer, process, Integer.parseInt(line.substring(6).trim()), null, lines, command);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted", e);
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  private static void pump(InputStream in, BlockingQueue<String> lines, String name) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException ignored) {
                // the process ended
              }
            },
            "stdout-" + name);
    t.setDaemon(true);
    t.start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      return s.getLocalPort();
    }
  }

  private static void waitListening(Process process, int port, long deadline)
      throws IOException, InterruptedException {
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("smtp-sink exited with " + process.exitValue());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        return;
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    throw new IOException("smtp-sink did not listen on " + port + " within 60 s");
  }

  public Peer peer() {
    return peer;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public List<String> command() {
    return command;
  }

  /** Peak RSS so far (VmHWM), kB. */
  public long peakRssKb() {
    return Proc.statusKb(process.pid(), "VmHWM");
  }

  /** The messages the server captured, or -1 where it keeps none (smtp-sink). */
  public long captured() throws IOException {
    switch (peer) {
      case SMTPMOCK -> {
        HttpURLConnection c =
            (HttpURLConnection) URI.create(adminUrl + "/api/stats").toURL().openConnection();
        c.setConnectTimeout(10_000);
        c.setReadTimeout(30_000);
        try (InputStream in = c.getInputStream()) {
          String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          Matcher m = ACCEPTED.matcher(body);
          if (!m.find()) {
            throw new IOException("no accepted count in " + body);
          }
          return Long.parseLong(m.group(1));
        } finally {
          c.disconnect();
        }
      }
      case GREENMAIL, WISER -> {
        stdout.clear();
        stdin.println("count");
        try {
          String line = stdout.poll(60, TimeUnit.SECONDS);
          if (line == null) {
            throw new IOException(peer.label() + " did not answer count");
          }
          return Long.parseLong(line.trim());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
      default -> {
        return -1;
      }
    }
  }

  @Override
  public void close() {
    try {
      if (peer == Peer.GREENMAIL || peer == Peer.WISER) {
        stdin.close(); // PeerMain stops its server at the end of stdin
      } else {
        process.destroy(); // SIGTERM
      }
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try {
      OutputStream ignored = process.getOutputStream();
      ignored.close();
    } catch (IOException ignored) {
      // gone
    }
  }
}
