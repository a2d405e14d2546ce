package dev.smtpmock.internal.protocol;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The argument of MAIL FROM: or RCPT TO:, split into the address (without angle brackets or source
 * route) and its parameters.
 */
record Address(String address, Map<String, String> parameters, String rawParameters) {

  /** Why an argument could not be parsed. */
  enum Problem {
    MISSING,
    UNBALANCED
  }

  /** A parse result: an address or a problem. */
  record Parsed(Address address, Problem problem) {}

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
        return new Parsed(null, Problem.UNBALANCED);
      }
      address = rest.substring(1, close);
      params = rest.substring(close + 1).strip();
    } else {
      int space = rest.indexOf(' ');
      address = space < 0 ? rest : rest.substring(0, space);
      params = space < 0 ? "" : rest.substring(space + 1).strip();
      if (address.indexOf('<') >= 0 || address.indexOf('>') >= 0) {
        return new Parsed(null, Problem.UNBALANCED);
      }
    }
    int colon = address.startsWith("@") ? address.indexOf(':') : -1;
    if (colon >= 0) {
      address = address.substring(colon + 1);
    }
    return new Parsed(new Address(address, parameters(params), params), null);
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

  private static Map<String, String> parameters(String params) {
    Map<String, String> result = new LinkedHashMap<>();
    if (params.isEmpty()) {
      return result;
    }
    for (String param : params.split(" +")) {
      int eq = param.indexOf('=');
      String key = (eq < 0 ? param : param.substring(0, eq)).toUpperCase(Locale.ROOT);
      result.put(key, eq < 0 ? "" : param.substring(eq + 1));
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

  /** The raw parameter whose keyword is {@code key}, as written, for 555 replies. */
  String rawParameter(String key) {
    for (String param : rawParameters.split(" +")) {
      int eq = param.indexOf('=');
      String k = eq < 0 ? param : param.substring(0, eq);
      if (k.equalsIgnoreCase(key)) {
        return param;
      }
    }
    return key;
  }
}
