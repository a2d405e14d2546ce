package dev.smtpmock.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first test of a run: {@link OneTest} once in a fresh JVM (class loading and all), one sample
 * per fork.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 5, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class FirstTestCost {
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
}
