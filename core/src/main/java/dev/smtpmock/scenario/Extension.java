package dev.smtpmock.scenario;

import java.util.Locale;

/** An ESMTP extension the server may advertise and accept ({@code server.extensions}). */
public enum Extension {
  PIPELINING("PIPELINING"),
  SIZE("SIZE"),
  EIGHTBITMIME("8BITMIME"),
  SMTPUTF8("SMTPUTF8"),
  ENHANCEDSTATUSCODES("ENHANCEDSTATUSCODES"),
  CHUNKING("CHUNKING"),
  DSN("DSN"),
  AUTH("AUTH"),
  STARTTLS("STARTTLS");

  private final String keyword;

  Extension(String keyword) {
    this.keyword = keyword;
  }

  /** The EHLO keyword, e.g. {@code 8BITMIME}. */
  public String keyword() {
    return keyword;
  }

  /** The extension with this EHLO keyword (case-insensitive), or null. */
  public static Extension ofKeyword(String keyword) {
    String upper = keyword.toUpperCase(Locale.ROOT);
    for (Extension e : values()) {
      if (e.keyword.equals(upper)) {
        return e;
      }
    }
    return null;
  }
}
