package dev.smtpmock.bench;

import java.util.ArrayList;
import java.util.List;

/** Every figure of one run, and how it was made. */
public final class Results {
  /** One JMH result. p50/p99 are NaN outside sample-time mode. */
  public record Jmh(
      String benchmark,
      String param,
      String mode,
      String unit,
      long samples,
      double mean,
      double error,
      double p50,
      double p99,
      double min,
      double max) {}

  /** One smtp-source run against one server. */
  public record Throughput(
      String load,
      Peer peer,
      String variant,
      SmtpSource.Run run,
      long requested,
      long warmup,
      long peakRssKb,
      long captured,
      long expectedCaptured) {}

  /** One run of the pipelining client against one server. */
  public record Pipeline(
      Peer peer,
      String variant,
      int connections,
      long requested,
      Pipeliner.Result result,
      long warmup,
      long peakRssKb,
      long captured,
      long expectedCaptured) {}

  /** Idle connections held against one server. */
  public record Idle(
      Peer peer,
      int requested,
      int held,
      int failed,
      String firstFailure,
      long openMillis,
      long heapBeforeKb,
      long heapAfterKb,
      long rssBeforeKb,
      long rssAfterKb,
      long peakRssKb,
      long threadsAfter) {}

  /** The delay rule measured from the client. */
  public record Delay(
      long askedMillis,
      int connections,
      DelayProbe.Result probes,
      long[] jdkTimerLateness,
      boolean underLoad,
      double loadRate,
      List<String> loadCommand,
      boolean loadRanThroughout,
      List<GcLog.Pause> serverGcPauses) {}

  public final List<Jmh> jmh = new ArrayList<>();
  public final List<String> jmhCommands = new ArrayList<>();
  public final List<Throughput> throughput = new ArrayList<>();
  public final List<Pipeline> pipeline = new ArrayList<>();
  public final List<Idle> idle = new ArrayList<>();
  public Delay delay;
  public final List<String> problems = new ArrayList<>();
  public final List<String> notes = new ArrayList<>();
  public final List<String> serverCommands = new ArrayList<>();

  /** Table rows: part, duration, load averages at its start and end. */
  public final List<String> parts = new ArrayList<>();
}
