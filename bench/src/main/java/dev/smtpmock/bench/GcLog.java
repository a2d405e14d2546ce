package dev.smtpmock.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pauses in a unified GC log ({@code -Xlog:gc}). */
public final class GcLog {
  private static final Pattern PAUSE =
      Pattern.compile("\\[([0-9.]+)s\\].*GC\\(\\d+\\) (Pause [^(]*\\([^)]*\\)).* ([0-9.]+)ms$");

  /** One pause: when (seconds since the JVM started), what, how long. */
  public record Pause(double at, String kind, double millis) {}

  private GcLog() {}

  public static List<Pause> pauses(Path log) {
    List<Pause> pauses = new ArrayList<>();
    try {
      if (!Files.exists(log)) {
        return pauses;
      }
      for (String line : Files.readAllLines(log)) {
        Matcher m = PAUSE.matcher(line.trim());
        if (m.find()) {
          pauses.add(
              new Pause(
                  Double.parseDouble(m.group(1)),
                  m.group(2).trim(),
                  Double.parseDouble(m.group(3))));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // no log, no pauses
    }
    return pauses;
  }
}
