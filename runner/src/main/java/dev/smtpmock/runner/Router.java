package dev.smtpmock.runner;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps method and path to a handler; answers 404 for an unknown path, 405 with {@code Allow} for a
 * known path with another method, and 400 for a query parameter the route does not take (SPEC 6: a
 * misspelt {@code limt=1} must not pass for "no limit"). A GET route answers HEAD too.
 */
final class Router {
  /** Handles one request; {@code path} holds the route's capture groups. */
  interface Handler {
    void handle(HttpExchange exchange, Matcher path) throws IOException;
  }

  /** {@code parameters}: the query parameters the route takes, in the order its 400 names them. */
  private record Route(String method, Pattern path, List<String> parameters, Handler handler) {}

  private final List<Route> routes = new ArrayList<>();

  /** A GET route that takes no query parameters. */
  Router get(String path, Handler handler) {
    return get(path, List.of(), handler);
  }

  Router get(String path, List<String> parameters, Handler handler) {
    return add("GET", path, parameters, handler);
  }

  Router put(String path, List<String> parameters, Handler handler) {
    return add("PUT", path, parameters, handler);
  }

  Router post(String path, Handler handler) {
    return add("POST", path, List.of(), handler);
  }

  private Router add(String method, String path, List<String> parameters, Handler handler) {
    routes.add(new Route(method, Pattern.compile(path), List.copyOf(parameters), handler));
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
        refuseUnknownParameters(exchange, path, route.parameters());
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

  private static void refuseUnknownParameters(
      HttpExchange exchange, String path, List<String> known) {
    for (String name : Http.query(exchange).keySet()) {
      if (!known.contains(name)) {
        String takes = known.isEmpty() ? "none" : String.join(", ", known);
        throw new HttpError(
            400, "unknown query parameter '" + name + "'; " + path + " takes " + takes);
      }
    }
  }
}
