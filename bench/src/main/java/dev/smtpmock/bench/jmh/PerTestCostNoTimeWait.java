package dev.smtpmock.bench.jmh;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.bench.Mail;
import dev.smtpmock.bench.TimeWait;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link PerTestCost} with a client that closes with a TCP RST (SO_LINGER 0): no socket is left in
 * TIME_WAIT, so the figure is the servers' own cost, free of the kernel's slower port search when
 * thousands of sockets wait out their 60 s.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class PerTestCostNoTimeWait {
  private SmtpMockServer running;

  @Setup
  public void setUp() {
    TimeWait.drainIfAsked();
    running = SmtpMockServer.start();
  }

  @TearDown
  public void tearDown() {
    running.close();
  }

  /**
   * The floor: the same message to a server that is already running (none started or stopped), i.e.
   * what the client side costs.
   */
  @Benchmark
  public void clientOnlyFloor() {
    Mail.sendClosingAbortively(running.port());
  }

  @Benchmark
  public void smtpmock() {
    OneTest.smtpmock(true);
  }

  @Benchmark
  public void greenmail() {
    OneTest.greenmail(true);
  }

  @Benchmark
  public void wiser() {
    OneTest.wiser(true);
  }
}
