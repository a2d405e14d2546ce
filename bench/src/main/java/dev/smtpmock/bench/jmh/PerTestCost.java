package dev.smtpmock.bench.jmh;

import dev.smtpmock.bench.TimeWait;
import dev.smtpmock.bench.junit.ByHandSample;
import dev.smtpmock.bench.junit.JUnitRun;
import dev.smtpmock.bench.junit.PerMethodSample;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost one test pays for its mail server, in a warm JVM ({@link OneTest}): sample time, so the
 * median and p99 of single operations are known. Plus the same as a JUnit test with
 * {@code @SmtpMock} (per-method lifecycle), and that test with the server started by hand, both
 * launched through the JUnit Platform launcher: their difference is what the extension adds. Each
 * benchmark first waits for the TIME_WAIT sockets of the one before to drain ({@link TimeWait}).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class PerTestCost {
  private JUnitRun perMethod;
  private JUnitRun byHand;

  @Setup
  public void setUp() {
    TimeWait.drainIfAsked();
    perMethod = new JUnitRun(PerMethodSample.class);
    byHand = new JUnitRun(ByHandSample.class);
  }

  @Benchmark
  public void smtpmock() {
    OneTest.smtpmock();
  }

  @Benchmark
  public void greenmail() {
    OneTest.greenmail();
  }

  @Benchmark
  public void wiser() {
    OneTest.wiser();
  }

  /** {@link #smtpmock()} as a JUnit test with {@code @SmtpMock} (PER_METHOD). */
  @Benchmark
  public void junitPerMethod() {
    perMethod.run();
  }

  /** The same JUnit test with the server started by hand: JUnit's own share of the cost above. */
  @Benchmark
  public void junitByHand() {
    byHand.run();
  }
}
