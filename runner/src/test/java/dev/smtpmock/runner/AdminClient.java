package dev.smtpmock.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smtpmock.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A runner started in-process on free ports, and a real HTTP client for its admin API. */
final class AdminClient implements AutoCloseable {
  private final Runner runner;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  AdminClient(String yaml, String token) {
    Main.Cli cli =
        new Main.Cli(
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            Map.of(),
            false,
            r -> {});
    runner =
        Runner.start(
            new Runner.Settings(
                Scenario.parse(yaml, "api.yaml"),
                "127.0.0.1",
                0,
                0,
                null,
                token,
                LogFormat.text,
                true,
                false,
                null),
            cli);
    base = runner.adminUrl();
  }

  AdminClient(String yaml) {
    this(yaml, null);
  }

  int smtpPort() {
    return runner.smtp().port();
  }

  Runner runner() {
    return runner;
  }

  String base() {
    return base;
  }

  HttpResponse<String> get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  HttpResponse<String> send(String method, String path, String body, String... headers) {
    BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body);
    return send(request(path, headers).method(method, publisher));
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return builder;
  }

  HttpClient http() {
    return http;
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return Json.MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  @Override
  public void close() {
    runner.close();
  }
}
