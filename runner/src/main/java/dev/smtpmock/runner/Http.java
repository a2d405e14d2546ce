package dev.smtpmock.runner;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writing responses and reading requests on the JDK's HTTP server. */
final class Http {
  /** SPEC 6: request bodies are at most 1 MB. */
  static final int MAX_BODY = 1024 * 1024;

  /** How much of a refused body is still read so that its sender sees the 413. */
  private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

  static final String JSON = "application/json";

  private Http() {}

  static void json(HttpExchange exchange, int status, Object body) throws IOException {
    send(exchange, status, JSON, Json.bytes(body));
  }

  static void error(HttpExchange exchange, int status, String message) throws IOException {
    json(exchange, status, new Json.Error(message, status));
  }

  /** Sends a complete response; a HEAD request gets the headers only. */
  static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    try (exchange) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      if (head || body.length == 0 && status == 204) {
        if (head && status != 204) {
          exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
        }
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  static void noContent(HttpExchange exchange) throws IOException {
    send(exchange, 204, JSON, new byte[0]);
  }

  /**
   * Reads the request body, refusing more than {@link #MAX_BODY} bytes with 413 while reading a
   * chunked body; a declared length over it was refused before dispatch ({@link
   * #refuseDeclaredOverLimit}).
   */
  static byte[] body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (out.size() + n > MAX_BODY) {
          throw tooLarge(in);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }

  /**
   * Refuses a request whose declared body is over {@link #MAX_BODY} with 413, whatever its path:
   * SPEC 6 bounds every request body, also where the body is not read.
   */
  static void refuseDeclaredOverLimit(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared == null) {
      return;
    }
    long length;
    try {
      length = Long.parseLong(declared.trim());
    } catch (NumberFormatException e) {
      throw new HttpError(400, "bad Content-Length");
    }
    if (length > MAX_BODY) {
      throw tooLarge(exchange.getRequestBody());
    }
  }

  /**
   * The 413, after reading (up to a bound) what the client is still sending: answered mid-upload,
   * the client would meet a reset instead of the reply.
   */
  private static HttpError tooLarge(InputStream in) throws IOException {
    long left = DRAIN_LIMIT;
    byte[] buffer = new byte[8192];
    int n;
    while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
      left -= n;
    }
    return tooLarge();
  }

  private static HttpError tooLarge() {
    return new HttpError(413, "request body larger than 1 MB");
  }

  /** The query parameters, decoded; the first value of a repeated one wins. */
  static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> parameters = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return parameters;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        parameters.putIfAbsent(decode(name), decode(value));
      } catch (IllegalArgumentException e) {
        throw new HttpError(400, "bad query parameter encoding: " + pair);
      }
    }
    return parameters;
  }

  /**
   * A whole-number query parameter of at least {@code min}, or null when absent or empty.
   *
   * @throws HttpError 400 for anything else
   */
  static Integer number(Map<String, String> parameters, String name, int min) {
    String value = parameters.get(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new HttpError(400, name + " must be a whole number >= " + min + ", not '" + value + "'");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
