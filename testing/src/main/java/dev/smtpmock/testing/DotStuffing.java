package dev.smtpmock.testing;

import java.nio.charset.StandardCharsets;

/** A message as DATA sends it (RFC 5321 4.5.2): lines starting with a dot get another. */
final class DotStuffing {
  private DotStuffing() {}

  /** The stuffed message, ended by CRLF if it was not, and the final {@code .CRLF}. */
  static byte[] frame(String message) {
    String stuffed = (message.startsWith(".") ? "." : "") + message.replace("\n.", "\n..");
    String ended = stuffed.endsWith("\r\n") ? stuffed : stuffed + "\r\n";
    return (ended + ".\r\n").getBytes(StandardCharsets.UTF_8);
  }
}
