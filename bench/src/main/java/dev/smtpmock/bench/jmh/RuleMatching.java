package dev.smtpmock.bench.jmh;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.bench.Scenarios;
import dev.smtpmock.scenario.Scenario;
import dev.smtpmock.testing.Reply;
import dev.smtpmock.testing.SmtpDialogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one command, pipelined 100 at a time over one connection (RSET, MAIL, 98 RCPT), with
 * the default scenario and with {@link Scenarios#rules200()}; the difference is what matching 200
 * rules costs per command.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class RuleMatching {
  static final int COMMANDS = 100;

  @Param({"default", "rules200"})
  public String scenario;

  private SmtpMockServer server;
  private SmtpDialogue client;
  private byte[] batch;

  @Setup(Level.Trial)
  public void startServer() {
    Scenario s =
        scenario.equals("default")
            ? Scenario.resolve("default")
            : Scenario.parse(Scenarios.rules200(), "rules200.yaml");
    server = SmtpMockServer.builder().scenario(s).start();
    StringBuilder b = new StringBuilder("RSET\r\nMAIL FROM:<sender@bench.test>\r\n");
    for (int i = 0; i < COMMANDS - 2; i++) {
      b.append("RCPT TO:<rcpt").append(i).append("@bench.test>\r\n");
    }
    batch = b.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** A new connection each iteration keeps the session transcript (which grows) small. */
  @Setup(Level.Iteration)
  public void connect() {
    client = SmtpDialogue.connect(server.port(), Duration.ofSeconds(10));
    client.expectCode(220);
    client.send("EHLO client.bench.test").expectCode(250);
  }

  @Benchmark
  @OperationsPerInvocation(COMMANDS)
  public int command() throws IOException {
    client.sendRaw(batch);
    int sum = 0;
    for (int i = 0; i < COMMANDS; i++) {
      Reply reply = client.reply();
      if (reply.code() / 100 != 2) {
        throw new IOException("unexpected reply: " + reply);
      }
      sum += reply.code();
    }
    return sum;
  }

  @TearDown(Level.Iteration)
  public void disconnect() {
    client.close();
    server.reset();
  }

  @TearDown(Level.Trial)
  public void stopServer() {
    server.close();
  }
}
