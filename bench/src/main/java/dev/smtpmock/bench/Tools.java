package dev.smtpmock.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Postfix's test tools (Debian package postfix; .ci/setup/30-postfix.sh installs it). */
public final class Tools {
  public static final String SMTP_SOURCE = "/usr/sbin/smtp-source";
  public static final String SMTP_SINK = "/usr/sbin/smtp-sink";

  private Tools() {}

  public static boolean postfixToolsPresent() {
    return Files.isExecutable(Path.of(SMTP_SOURCE)) && Files.isExecutable(Path.of(SMTP_SINK));
  }
}
