package dev.smtpmock.runner;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;

/**
 * One running smtpmock: the SMTP server, the admin API, the live log and the file watcher, started
 * together and closed together.
 */
final class Runner implements AutoCloseable {
  /**
   * What {@code run} was asked for. {@code logFormat} is the ready line's too, also when {@code
   * quiet}; {@code watched} null: no watch.
   */
  record Settings(
      Scenario scenario,
      String bind,
      int smtpPort,
      int adminPort,
      Long seed,
      String adminToken,
      LogFormat logFormat,
      boolean quiet,
      boolean colour,
      Path watched) {}

  private final Settings settings;
  private final LineFormat format;
  private final Main.Cli cli;
  private final SmtpMockServer smtp;
  private final AdminServer admin;
  private final LiveLog log;
  private final ScenarioWatcher watcher;
  private final CountDownLatch closed = new CountDownLatch(1);

  private Runner(
      Settings settings,
      LineFormat format,
      Main.Cli cli,
      SmtpMockServer smtp,
      AdminServer admin,
      LiveLog log,
      ScenarioWatcher watcher) {
    this.settings = settings;
    this.format = format;
    this.cli = cli;
    this.smtp = smtp;
    this.admin = admin;
    this.log = log;
    this.watcher = watcher;
  }

  /**
   * Binds both ports and starts the helpers.
   *
   * @throws ListenFailure when a port cannot be bound
   */
  static Runner start(Settings settings, Main.Cli cli) {
    LineFormat format = LineFormat.of(settings.logFormat(), settings.colour());
    LiveLog log = settings.quiet() ? null : new LiveLog(cli.out(), cli.err(), format);
    // the admin API's long polls wake on transcript lines, so it exists before the server
    MessageEvents events = new MessageEvents();
    BiConsumer<String, SmtpSession.Line> onLine =
        (session, line) -> {
          events.changed();
          if (log != null) {
            log.accept(session, line);
          }
        };
    SmtpMockServer.Builder builder =
        SmtpMockServer.builder()
            .scenario(settings.scenario())
            .bindAddress(settings.bind())
            .port(settings.smtpPort())
            .onLine(onLine);
    if (log != null) {
      builder.onSessionEnd(log::ended);
    }
    if (settings.seed() != null) {
      builder.seed(settings.seed());
    }
    SmtpMockServer smtp = null;
    AdminServer admin = null;
    String host = hostForUri(settings.bind());
    try {
      try {
        smtp = builder.start();
      } catch (UncheckedIOException e) {
        throw new ListenFailure(host, settings.smtpPort(), "SMTP", e);
      }
      if (settings.adminPort() >= 0) {
        try {
          admin =
              AdminServer.start(
                  smtp, settings.bind(), settings.adminPort(), settings.adminToken(), events);
        } catch (IOException e) {
          throw new ListenFailure(host, settings.adminPort(), "the admin API", e);
        }
      }
    } catch (RuntimeException e) {
      if (smtp != null) {
        smtp.close();
      }
      if (log != null) {
        log.close();
      }
      throw e;
    }
    ScenarioWatcher watcher =
        settings.watched() == null
            ? null
            : ScenarioWatcher.start(settings.watched(), smtp, cli.err(), Duration.ofMillis(500));
    return new Runner(settings, format, cli, smtp, admin, log, watcher);
  }

  /**
   * Prints the ready line on stdout, with or without {@code --quiet} (scripts and containers wait
   * for it), in the live output's format, then lets the live output follow it.
   */
  void announceReady() {
    cli.out()
        .println(
            format.ready(
                hostForUri(settings.bind()) + ":" + smtp.port(),
                adminUrl(),
                smtp.scenario().name(),
                smtp.seed()));
    cli.out().flush();
    if (log != null) {
      log.start();
    }
  }

  /** {@code http://HOST:PORT}, or {@code off} with {@code --admin-port -1}. */
  String adminUrl() {
    return admin == null ? "off" : "http://" + hostForUri(settings.bind()) + ":" + admin.port();
  }

  SmtpMockServer smtp() {
    return smtp;
  }

  /** The admin port actually bound, or -1. */
  int adminPort() {
    return admin == null ? -1 : admin.port();
  }

  /** Blocks until {@link #close()} has closed both ports. */
  void awaitClosed() {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes both ports, then flushes the live log. Safe to call more than once. */
  @Override
  public synchronized void close() {
    if (closed.getCount() == 0) {
      return;
    }
    if (watcher != null) {
      watcher.close();
    }
    if (admin != null) {
      admin.close();
    }
    smtp.close();
    if (log != null) {
      log.close();
    }
    cli.out().flush();
    cli.err().flush();
    closed.countDown();
  }

  /** An IPv6 literal needs brackets before a port, in the ready line as in a URL. */
  private static String hostForUri(String host) {
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
