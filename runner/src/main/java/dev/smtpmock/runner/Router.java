package dev.smtpmock.runner;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps method and path to a handler; answers 404 for an unknown path and 405 with {@code Allow} for
 * a known path with another method. A GET route answers HEAD too.
 */
final class Router {
  /** Handles one request; {@code path} holds the route's capture groups. */
  interface Handler {
    void handle(HttpExchange exchange, Matcher path) throws IOException;
  }

  private record Route(String method, Pattern path, Handler handler) {}

  private final List<Route> routes = new ArrayList<>();

  Router get(String path, Handler handler) {
    return add("GET", path, handler);
  }

  Router put(String path, Handler handler) {
    return add("PUT", path, handler);
  }

  Router post(String path, Handler handler) {
    return add("POST", path, handler);
  }

  private Router add(String method, String path, Handler handler) {
    routes.add(new Route(method, Pattern.compile(path), handler));
    return this;
  }

  void dispatch(HttpExchange exchange, String path) throws IOException {
    String method = exchange.getRequestMethod();
    TreeSet<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      Matcher matcher = route.path().matcher(path);
      if (!matcher.matches()) {
        continue;
      }
      if (route.method().equals(method) || route.method().equals("GET") && method.equals("HEAD")) {
        route.handler().handle(exchange, matcher);
        return;
      }
      allowed.add(route.method());
      if (route.method().equals("GET")) {
        allowed.add("HEAD");
      }
    }
    if (allowed.isEmpty()) {
      throw new HttpError(404, "not found");
    }
    exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
    throw new HttpError(405, "method " + method + " not allowed; allowed: " + allowed);
  }
}
