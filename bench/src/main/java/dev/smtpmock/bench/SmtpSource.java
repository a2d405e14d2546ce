package dev.smtpmock.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Postfix's smtp-source: 1 KB messages, a connection per message or (-d) reused connections. */
public final class SmtpSource {
  /** One load: -s sessions, with -d or not. */
  public record Load(int sessions, boolean reuse) {
    public String label() {
      return (reuse ? "-d " : "") + "-s " + sessions;
    }
  }

  /** What one run did: messages completed (smtp-source's own -c counter), time, exit. */
  public record Run(
      List<String> command,
      long completed,
      double seconds,
      int exit,
      boolean timedOut,
      String tail) {
    public double rate() {
      return completed / seconds;
    }
  }

  private SmtpSource() {}

  public static List<String> command(Load load, long messages, int port) {
    List<String> c = new ArrayList<>(List.of(Tools.SMTP_SOURCE, "-c"));
    if (load.reuse()) {
      c.add("-d");
    }
    c.addAll(
        List.of(
            "-l",
            "1024",
            "-m",
            Long.toString(messages),
            "-s",
            Integer.toString(load.sessions()),
            "-f",
            "sender@bench.test",
            "-t",
            "rcpt@bench.test",
            "-M",
            "client.bench.test",
            "127.0.0.1:" + port));
    return c;
  }

  /** Starts smtp-source in the background; its output goes to {@code log}. */
  public static Process start(Load load, long messages, int port, Path log) throws IOException {
    Files.createDirectories(log.getParent());
    return new ProcessBuilder(command(load, messages, port))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** Runs smtp-source to the end, or stops it after {@code timeoutSeconds}. */
  public static Run run(Load load, long messages, int port, Path log, long timeoutSeconds)
      throws IOException {
    List<String> command = command(load, messages, port);
    long start = System.nanoTime();
    Process p = start(load, messages, port, log);
    p.getOutputStream().close();
    boolean timedOut = false;
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        timedOut = true;
        p.destroy();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          p.waitFor(5, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted", e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String out = Files.readString(log, StandardCharsets.ISO_8859_1);
    return new Run(
        command, lastCount(out), seconds, timedOut ? -1 : p.exitValue(), timedOut, tail(out));
  }

  /** The last value of the -c counter (printed as "\rN"); 0 if none. */
  static long lastCount(String out) {
    long last = 0;
    for (String token : out.split("[\\r\\n]+")) {
      String t = token.trim();
      if (!t.isEmpty() && t.chars().allMatch(Character::isDigit) && t.length() < 12) {
        last = Long.parseLong(t);
      }
    }
    return last;
  }

  /** Lines of the output that are not counter updates, for error messages. */
  private static String tail(String out) {
    StringBuilder b = new StringBuilder();
    for (String token : out.split("[\\r\\n]+")) {
      String t = token.trim();
      if (!t.isEmpty() && !t.chars().allMatch(Character::isDigit)) {
        if (b.length() > 0) {
          b.append(" | ");
        }
        b.append(t);
        if (b.length() > 400) {
          break;
        }
      }
    }
    return b.toString();
  }
}
