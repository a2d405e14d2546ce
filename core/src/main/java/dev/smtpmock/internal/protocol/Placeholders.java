package dev.smtpmock.internal.protocol;

import dev.smtpmock.internal.rules.Occurrence;
import java.util.function.UnaryOperator;

/**
 * Fills {@code {name}} placeholders in reply and raw text; {@code {{} and {@code }}} are braces.
 */
final class Placeholders {
  private Placeholders() {}

  /** The values of one session's placeholders (SPEC 2.7). */
  interface Values {
    /** The value of {@code name} at this occurrence, or null when it has none. */
    String value(String name, Occurrence occurrence);
  }

  /** {@code lookup} gives a placeholder's value, or null to leave it as written. */
  static String fill(String text, UnaryOperator<String> lookup) {
    if (text.indexOf('{') < 0 && text.indexOf('}') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if ((c == '{' || c == '}') && i + 1 < text.length() && text.charAt(i + 1) == c) {
        out.append(c);
        i += 2;
        continue;
      }
      int close = c == '{' ? text.indexOf('}', i) : -1;
      String value = close > 0 ? lookup.apply(text.substring(i + 1, close)) : null;
      if (value != null) {
        out.append(value);
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
