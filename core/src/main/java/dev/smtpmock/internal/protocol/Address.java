package dev.smtpmock.internal.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The argument of MAIL FROM: or RCPT TO:, split into the address (without angle brackets or source
 * route) and its parameters: {@code given} as written, in order, repeats included, for the checks;
 * {@code parameters} by upper-case keyword, for the message.
 */
record Address(String address, Map<String, String> parameters, List<Parameter> given) {

  /** One parameter as given: its keyword in upper case, its value, and the text as written. */
  record Parameter(String key, String value, String raw) {
    /** Whether the keyword was followed by {@code =}, which e.g. {@code NOTIFY=} needs. */
    boolean hasValue() {
      return raw.indexOf('=') >= 0;
    }
  }

  /** Why an argument could not be parsed. */
  enum Problem {
    MISSING,
    /** Unbalanced angle brackets, or words an unquoted space separates. */
    MALFORMED
  }

  /** A parse result: an address or a problem. */
  record Parsed(Address address, Problem problem) {}

  private static final String SPECIALS = "@.:,;<>()[]";

  /** Parses what follows {@code FROM:} or {@code TO:}. */
  static Parsed parse(String text) {
    String rest = text.stripLeading();
    if (rest.isEmpty()) {
      return new Parsed(null, Problem.MISSING);
    }
    String address;
    String params;
    if (rest.startsWith("<")) {
      int close = closingBracket(rest);
      if (close < 0) {
        return new Parsed(null, Problem.MALFORMED);
      }
      address = rest.substring(1, close);
      params = rest.substring(close + 1).strip();
      if (hasSpaceBetweenWords(address)) {
        return new Parsed(null, Problem.MALFORMED);
      }
    } else {
      int space = rest.indexOf(' ');
      address = space < 0 ? rest : rest.substring(0, space);
      params = space < 0 ? "" : rest.substring(space + 1).strip();
      if (address.indexOf('<') >= 0 || address.indexOf('>') >= 0) {
        return new Parsed(null, Problem.MALFORMED);
      }
    }
    int colon = address.startsWith("@") ? address.indexOf(':') : -1;
    if (colon >= 0) {
      address = address.substring(colon + 1);
    }
    List<Parameter> given = given(params);
    Map<String, String> parameters = new LinkedHashMap<>();
    for (Parameter p : given) {
      parameters.put(p.key(), p.value());
    }
    return new Parsed(new Address(address, parameters, given), null);
  }

  /**
   * Whether an unquoted space or tab separates two words, as in {@code a b@x.test}: Postfix's RFC
   * 822 parser then finds two addresses and refuses them. Space next to a special such as {@code @}
   * is allowed, as RFC 822 allows it ({@code a @x.test}); quoted and backslash-escaped spaces are
   * part of their word.
   */
  static boolean hasSpaceBetweenWords(String text) {
    boolean quoted = false;
    boolean inWord = false;
    boolean spaceAfterWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == ' ' || c == '\t') {
        spaceAfterWord |= inWord;
        inWord = false;
      } else if (SPECIALS.indexOf(c) >= 0) {
        inWord = false;
        spaceAfterWord = false;
      } else if (spaceAfterWord) {
        return true;
      } else {
        inWord = true;
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = true;
        }
      }
    }
    return false;
  }

  private static int closingBracket(String s) {
    boolean quoted = false;
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\\') {
        i++;
      } else if (c == '>' && !quoted) {
        return i;
      } else if (c == '<' && !quoted) {
        return -1;
      }
    }
    return -1;
  }

  private static List<Parameter> given(String params) {
    List<Parameter> result = new ArrayList<>();
    if (params.isEmpty()) {
      return result;
    }
    for (String param : params.split(" +")) {
      int eq = param.indexOf('=');
      String key = (eq < 0 ? param : param.substring(0, eq)).toUpperCase(Locale.ROOT);
      result.add(new Parameter(key, eq < 0 ? "" : param.substring(eq + 1), param));
    }
    return result;
  }

  boolean isAscii() {
    for (int i = 0; i < address.length(); i++) {
      if (address.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
