package dev.smtpmock.scenario;

import java.util.Collection;
import java.util.Locale;

/** Suggests the valid word nearest to a misspelt one (SPEC 2.10). */
final class DidYouMean {
  private DidYouMean() {}

  /** The candidate nearest to {@code word}, or null when none is close enough to be a typo. */
  static String nearest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      String w = word.toLowerCase(Locale.ROOT);
      String c = candidate.toLowerCase(Locale.ROOT);
      int d = distance(w, c);
      // a prefix counts as near: 'rcpt-to' means 'rcpt', 'greylist' means 'greylisting'
      boolean prefix =
          Math.min(w.length(), c.length()) >= 3 && (w.startsWith(c) || c.startsWith(w));
      if ((prefix || d <= Math.max(2, c.length() / 3)) && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  /**
   * {@code " — did you mean 'x'?"} for the nearest candidate; otherwise {@code " — "} and {@code
   * otherwise} followed by the candidates, so that the message always shows a way out.
   */
  static String hint(String word, Collection<String> candidates, String otherwise) {
    String suggestion = suggestion(word, candidates, "'", "'");
    return !suggestion.isEmpty()
        ? suggestion
        : " — " + otherwise + ": " + String.join(", ", candidates);
  }

  /**
   * {@code " — did you mean 'x'?"} with the nearest candidate between {@code open} and {@code
   * close}, or an empty string when none is near.
   */
  static String suggestion(String word, Collection<String> candidates, String open, String close) {
    String nearest = nearest(word, candidates);
    return nearest != null ? " — did you mean " + open + nearest + close + "?" : "";
  }

  /** Optimal string alignment distance: Levenshtein plus adjacent transpositions ("dealy"). */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
