package dev.smtpmock.runner;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The web page: HTML, CSS and JavaScript served from the jar as they are (no front-end build). It
 * needs no token itself; its script sends the one in the URL fragment to the API.
 */
final class StaticFiles {
  private static final String FOLDER = "web/";

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "svg", "image/svg+xml");

  void register(Router router) {
    router
        .get("/", (exchange, path) -> serve(exchange, "index.html"))
        .get("/([a-z0-9-]+\\.(html|css|js|svg))", (exchange, path) -> serve(exchange, path));
  }

  private static void serve(HttpExchange exchange, Matcher path) throws IOException {
    serve(exchange, path.group(1));
  }

  private static void serve(HttpExchange exchange, String name) throws IOException {
    byte[] content;
    try (InputStream in = StaticFiles.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new HttpError(404, "not found");
      }
      content = in.readAllBytes();
    }
    String extension = name.substring(name.lastIndexOf('.') + 1);
    // the page reads only its own origin's API; nothing inline, nothing from elsewhere
    exchange
        .getResponseHeaders()
        .set(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    Http.send(exchange, 200, TYPES.get(extension), content);
  }
}
