package dev.smtpmock.reliability;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.scenario.Scenario;
import java.io.IOException;

/**
 * A server in a JVM of its own for {@link TenThousandConnectionsTest}: prints {@code port=N} once
 * listening, serves until its standard input closes, then prints {@code connections=N} and {@code
 * quit=N} (the sessions that ended with QUIT) and exits.
 */
public final class HeldConnectionsServer {
  private HeldConnectionsServer() {}

  public static void main(String[] args) throws IOException {
    Scenario scenario = Scenario.parse(args.length > 0 ? args[0] : "{}", "held.yaml");
    try (SmtpMockServer smtp = SmtpMockServer.builder().scenario(scenario).backlog(4096).start()) {
      System.out.println("port=" + smtp.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until the parent closes our input
      }
      long quit = smtp.sessions().stream().filter(s -> s.end() == SmtpSession.End.QUIT).count();
      System.out.println("connections=" + smtp.stats().connections());
      System.out.println("quit=" + quit);
      System.out.flush();
    }
  }
}
