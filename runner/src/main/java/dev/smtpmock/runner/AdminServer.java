package dev.smtpmock.runner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.smtpmock.SmtpMockServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP API and the web page (SPEC 6) on the JDK's own HTTP server: no servlet container
 * in the jar, and nothing that would clash with an application's classpath.
 */
final class AdminServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

  /** Handlers never block for long (long polls are parked, not held), so a few threads do. */
  private static final int THREADS = 4;

  private final HttpServer http;
  private final ExecutorService executor;
  private final LongPoll longPoll;
  private final byte[] expectedAuthorization;
  private final Router router;

  private AdminServer(
      HttpServer http, ExecutorService executor, LongPoll longPoll, String token, Router router) {
    this.http = http;
    this.executor = executor;
    this.longPoll = longPoll;
    this.expectedAuthorization =
        token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    this.router = router;
  }

  /**
   * Binds {@code host:port} (0: a free port) and serves.
   *
   * @param token the bearer token every {@code /api/} path requires, or null for none
   * @throws IOException when the port cannot be bound
   */
  static AdminServer start(
      SmtpMockServer smtp, String host, int port, String token, MessageEvents events)
      throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 64);
    LongPoll longPoll = new LongPoll(smtp::allMessages);
    events.listener(longPoll::changed);
    Router router = new Router();
    new MessagesApi(smtp, longPoll).register(router);
    new ServerApi(smtp).register(router);
    new StaticFiles().register(router);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "smtpmock-admin-http-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    AdminServer admin = new AdminServer(http, executor, longPoll, token, router);
    http.createContext("/", admin::handle);
    http.setExecutor(executor);
    http.start();
    return admin;
  }

  int port() {
    return http.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    try {
      if ((path.equals("/api") || path.startsWith("/api/")) && !authorized(exchange)) {
        throw new HttpError(401, "unauthorized");
      }
      Http.refuseDeclaredOverLimit(exchange);
      router.dispatch(exchange, path);
    } catch (HttpError e) {
      Http.error(exchange, e.status(), e.getMessage());
    } catch (IOException e) {
      exchange.close(); // the client went away mid-request; nothing to answer
    } catch (RuntimeException e) {
      LOG.warn("admin request {} {} failed", exchange.getRequestMethod(), path, e);
      Http.error(exchange, 500, "internal error: " + e);
    }
  }

  /** Compares in constant time, so the token cannot be guessed byte by byte from timings. */
  private boolean authorized(HttpExchange exchange) {
    if (expectedAuthorization == null) {
      return true;
    }
    String given = exchange.getRequestHeaders().getFirst("Authorization");
    return given != null
        && MessageDigest.isEqual(expectedAuthorization, given.getBytes(StandardCharsets.UTF_8));
  }

  /** Answers parked long polls, then closes the port at once. */
  @Override
  public void close() {
    longPoll.close();
    http.stop(0);
    executor.shutdownNow();
  }
}
