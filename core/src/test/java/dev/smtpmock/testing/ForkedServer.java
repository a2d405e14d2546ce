package dev.smtpmock.testing;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.scenario.Scenario;
import java.io.IOException;

/**
 * A server in a JVM of its own, for tests that must bound the server's heap: prints {@code port=N}
 * once listening, then serves until its standard input closes, then prints the accepted count.
 */
public final class ForkedServer {
  private ForkedServer() {}

  public static void main(String[] args) throws IOException {
    try (SmtpMockServer smtp = SmtpMockServer.start(Scenario.parse(args[0], "forked.yaml"))) {
      System.out.println("port=" + smtp.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until the parent closes our input
      }
      System.out.println("rejected=" + smtp.stats().rejected());
    }
  }
}
