package dev.smtpmock.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What /proc and the JDK's tools tell about a process. */
public final class Proc {
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  private Proc() {}

  /** A field of /proc/PID/status in kB (VmHWM: peak RSS; VmRSS: current RSS); -1 if unknown. */
  public static long statusKb(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** Threads of the process (Threads: in /proc/PID/status). */
  public static long threads(long pid) {
    return statusKb(pid, "Threads");
  }

  /**
   * The Java heap in use after a full GC, in kB, through {@code jcmd PID GC.run} and {@code
   * GC.heap_info}; -1 if jcmd cannot attach.
   */
  public static long heapAfterGcKb(long pid) {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    if (run(List.of(jcmd, Long.toString(pid), "GC.run"), 60) == null) {
      return -1;
    }
    String info = run(List.of(jcmd, Long.toString(pid), "GC.heap_info"), 60);
    if (info == null) {
      return -1;
    }
    // the first "used NK" is the whole heap ("garbage-first heap total …K, used …K")
    Matcher m = HEAP_USED.matcher(info);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /** Runs a short command and returns its output (stdout and stderr), or null on failure. */
  public static String run(List<String> command, int timeoutSeconds) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The soft and hard limits on open files of this process (/proc/self/limits). */
  public static long[] openFileLimits() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
        if (line.startsWith("Max open files")) {
          String[] f = line.substring("Max open files".length()).trim().split("\\s+");
          return new long[] {parseLimit(f[0]), parseLimit(f[1])};
        }
      }
    } catch (IOException e) {
      // below
    }
    return new long[] {-1, -1};
  }

  private static long parseLimit(String s) {
    return s.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(s);
  }

  /** Splits a command for display, quoting what needs it. */
  public static String display(List<String> command) {
    List<String> parts = new ArrayList<>();
    for (String c : command) {
      parts.add(c.matches("[A-Za-z0-9_@%+=:,./-]+") ? c : "'" + c.replace("'", "'\\''") + "'");
    }
    return String.join(" ", parts);
  }
}
