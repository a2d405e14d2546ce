package dev.smtpmock.runner;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container's HEALTHCHECK: {@code java -cp /app/smtpmock.jar dev.smtpmock.runner.HealthCheck
 * [PORT]} exits 0 when {@code GET http://127.0.0.1:PORT/health} answers 200, else 1. Minimal base
 * images have no curl; and it asks the admin port only, never SMTP, so no probe ever becomes
 * connection 1 (SPEC 6).
 */
public final class HealthCheck {
  private HealthCheck() {}

  public static void main(String[] args) {
    String port =
        args.length > 0 ? args[0] : System.getenv().getOrDefault("SMTPMOCK_ADMIN_PORT", "8025");
    System.exit(check("http://127.0.0.1:" + port + "/health") ? 0 : 1);
  }

  static boolean check(String url) {
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      connection.setConnectTimeout(2000);
      connection.setReadTimeout(2000);
      int status = connection.getResponseCode();
      try (InputStream in =
          status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        if (in != null) {
          in.readAllBytes();
        }
      }
      return status == 200;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}
