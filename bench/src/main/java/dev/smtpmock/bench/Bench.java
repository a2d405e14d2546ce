package dev.smtpmock.bench;

import dev.smtpmock.scenario.Scenario;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the benchmarks that need processes and Postfix's tools, and writes the report.
 *
 * <pre>
 * Bench smoke --runner-jar runner/target/smtpmock.jar --work bench/target/bench-smoke
 * Bench full  --runner-jar runner/target/smtpmock.jar --work bench/target/bench-full --results bench/RESULTS.md
 *             [--only jmh,throughput,pipeline,rules,idle,delay]
 * </pre>
 *
 * {@code smoke} (bound to {@code integration-test} in the default build) runs every part with a few
 * hundred messages and fails if the harness is broken; {@code full} is {@code bash bench/run.sh}.
 * Every load is bounded in count and in time.
 */
public final class Bench {
  static final List<String> PARTS =
      List.of("jmh", "throughput", "pipeline", "rules", "idle", "delay");

  /** One smtp-source load and how many messages it sends. */
  record LoadPlan(SmtpSource.Load load, long messages) {}

  /** The sizes of a run. */
  record Plan(
      String name,
      int rounds,
      List<LoadPlan> loads,
      long pointTimeoutSeconds,
      int pipeConnections,
      long pipeMessages,
      long pipeWarmup,
      long pipeTimeoutSeconds,
      List<LoadPlan> rulesLoads,
      int idleConnections,
      int delayConnections,
      int delayProbes,
      long delayWarmup) {}

  static final Plan FULL =
      new Plan(
          "full",
          2,
          List.of(
              new LoadPlan(new SmtpSource.Load(1, false), 3_000),
              new LoadPlan(new SmtpSource.Load(20, false), 24_000),
              new LoadPlan(new SmtpSource.Load(100, false), 24_000),
              new LoadPlan(new SmtpSource.Load(20, true), 60_000),
              new LoadPlan(new SmtpSource.Load(100, true), 60_000)),
          20,
          20,
          100_000,
          100_000,
          30,
          List.of(
              new LoadPlan(new SmtpSource.Load(20, false), 24_000),
              new LoadPlan(new SmtpSource.Load(20, true), 60_000)),
          10_000,
          4,
          100,
          4_000);

  static final Plan SMOKE =
      new Plan(
          "smoke",
          1,
          List.of(
              new LoadPlan(new SmtpSource.Load(1, false), 100),
              new LoadPlan(new SmtpSource.Load(20, false), 300),
              new LoadPlan(new SmtpSource.Load(20, true), 300)),
          30,
          5,
          300,
          100,
          20,
          List.of(new LoadPlan(new SmtpSource.Load(20, true), 300)),
          300,
          2,
          10,
          100);

  private final Plan plan;
  private final Settings settings;
  private final Results results = new Results();
  private final boolean postfix = Tools.postfixToolsPresent();
  private final Path rulesScenario;
  private final Path delayScenario;
  private int points;

  private Bench(Plan plan, Settings settings) throws IOException {
    this.plan = plan;
    this.settings = settings;
    Files.createDirectories(settings.work());
    // validate both scenarios here: a broken one fails fast, not as a runner that never starts
    Scenario.parse(Scenarios.rules200(), "rules200.yaml");
    Scenario.parse(Scenarios.delay100ms(), "delay100ms.yaml");
    rulesScenario =
        Files.writeString(settings.work().resolve("rules200.yaml"), Scenarios.rules200());
    delayScenario =
        Files.writeString(settings.work().resolve("delay100ms.yaml"), Scenarios.delay100ms());
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !(args[0].equals("smoke") || args[0].equals("full"))) {
      usage("the first argument is smoke or full");
    }
    Path runnerJar = null;
    Path work = null;
    Path resultsFile = null;
    Set<String> only = new LinkedHashSet<>(PARTS);
    for (int i = 1; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--runner-jar" -> runnerJar = Path.of(required(value, args[i]));
        case "--work" -> work = Path.of(required(value, args[i]));
        case "--results" -> resultsFile = Path.of(required(value, args[i]));
        case "--only" -> {
          only = new LinkedHashSet<>(Arrays.asList(required(value, args[i]).split(",")));
          if (!PARTS.containsAll(only)) {
            usage("--only takes some of " + PARTS);
          }
        }
        default -> usage("unknown argument " + args[i]);
      }
      i++;
    }
    if (runnerJar == null || work == null) {
      usage("--runner-jar and --work are required");
    }
    boolean smoke = args[0].equals("smoke");
    Path out = resultsFile != null ? resultsFile : work.resolve("RESULTS.md");
    int exit = new Bench(smoke ? SMOKE : FULL, Settings.of(runnerJar, work)).run(only, out, smoke);
    System.exit(exit);
  }

  private static String required(String value, String option) {
    if (value == null) {
      usage(option + " needs a value");
    }
    return value;
  }

  private static void usage(String why) {
    System.err.println("Bench: " + why);
    System.err.println(
        "usage: Bench smoke|full --runner-jar JAR --work DIR [--results FILE] [--only "
            + String.join(",", PARTS)
            + "]");
    System.exit(2);
  }

  private int run(Set<String> only, Path out, boolean smoke) throws Exception {
    Instant started = Instant.now();
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    log("plan " + plan.name() + ", parts " + only + ", work " + settings.work());
    if (!Files.isRegularFile(settings.runnerJar())) {
      results.problems.add(
          "the runner jar "
              + settings.runnerJar()
              + " is missing: build it (mvn -pl runner -am package)");
      return finish(started, out, smoke, only);
    }
    if (!postfix) {
      String why =
          "Postfix's smtp-source/smtp-sink are missing ("
              + Tools.SMTP_SOURCE
              + "); install them with .ci/setup/30-postfix.sh";
      if (ci || !smoke) {
        results.problems.add(why + (ci ? " (CI=true: a missing smtp-source is a failure)" : ""));
      } else {
        log("SKIPPED the smtp-source parts: " + why + " (CI is not set, so this is not a failure)");
        results.notes.add("smtp-source parts skipped: " + why);
      }
    }
    if (!smoke && only.contains("idle")) {
      long[] limits = Proc.openFileLimits();
      if (limits[1] < 12_000) {
        results.problems.add(
            "10,000 idle connections need `ulimit -Hn` >= 12000; it is "
                + limits[1]
                + " (raise the hard limit, then bench/run.sh raises the soft one)");
        only.remove("idle");
      }
    }
    if (!smoke && only.contains("jmh")) {
      timed("jmh", this::jmh);
    }
    if (postfix && only.contains("throughput")) {
      timed("throughput", this::throughput);
    }
    if (only.contains("pipeline")) {
      timed("pipeline", this::pipeline);
    }
    if (postfix && only.contains("rules")) {
      timed("rules", this::rulesThroughput);
    }
    if (only.contains("idle")) {
      timed("idle", this::idle);
    }
    if (only.contains("delay")) {
      timed("delay", this::delay);
    }
    return finish(started, out, smoke, only);
  }

  private int finish(Instant started, Path out, boolean smoke, Set<String> only)
      throws IOException {
    Duration took = Duration.between(started, Instant.now());
    new Report(plan.name(), results, settings, took, only, postfix).write(out);
    log("wrote " + out + " (" + took.toSeconds() + " s)");
    if (!results.problems.isEmpty()) {
      results.problems.forEach(p -> System.err.println("Bench PROBLEM: " + p));
      return smoke ? 1 : 3;
    }
    return 0;
  }

  /** A part of the run. */
  interface Part {
    void run() throws Exception;
  }

  private void timed(String name, Part part) throws Exception {
    long start = System.nanoTime();
    String loadBefore = loadAverage();
    part.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    String loadAfter = loadAverage();
    results.parts.add(
        String.format(
            java.util.Locale.ROOT,
            "| %s | %.0f s | %s | %s |",
            name,
            seconds,
            loadBefore,
            loadAfter));
    log(
        String.format(
            "part %s took %.0f s (load average %s -> %s)", name, seconds, loadBefore, loadAfter));
  }

  /** The 1, 5 and 15 minute load averages (/proc/loadavg). */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  static void log(String message) {
    System.out.println("[bench] " + message);
    System.out.flush();
  }

  // ---------------------------------------------------------------- JMH

  private void jmh() throws Exception {
    Path dir = settings.work().resolve("jmh");
    Files.createDirectories(dir);
    runJmh(
        List.of(
            "dev.smtpmock.bench.jmh.(PerTestCost|RuleMatching)",
            "-f",
            "1",
            "-jvmArgsAppend",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dbench.timeWaitDrainSeconds=65",
            "-wi",
            "5",
            "-w",
            "2s",
            "-i",
            "5",
            "-r",
            "2s",
            "-foe",
            "true",
            "-rf",
            "json",
            "-rff",
            dir.resolve("jmh-warm.json").toString()));
    runJmh(
        List.of(
            "dev.smtpmock.bench.jmh.FirstTestCost",
            "-f",
            "5",
            "-foe",
            "true",
            "-rf",
            "json",
            "-rff",
            dir.resolve("jmh-first.json").toString()));
  }

  private void runJmh(List<String> args) throws Exception {
    results.jmhCommands.add(
        "java -cp \"bench/target/classes:$(cat bench/target/bench.classpath)\" org.openjdk.jmh.Main "
            + Proc.display(args));
    log("JMH " + String.join(" ", args));
    Collection<RunResult> runs =
        new Runner(new CommandLineOptions(args.toArray(String[]::new))).run();
    for (RunResult run : runs) {
      Result<?> primary = run.getPrimaryResult();
      Statistics st = primary.getStatistics();
      String name = run.getParams().getBenchmark();
      String param =
          run.getParams().getParamsKeys().isEmpty()
              ? ""
              : run.getParams().getParamsKeys().stream()
                  .map(k -> run.getParams().getParam(k))
                  .reduce((a, b) -> a + "," + b)
                  .orElse("");
      boolean sample = run.getParams().getMode().shortLabel().equals("sample");
      results.jmh.add(
          new Results.Jmh(
              name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
              param,
              run.getParams().getMode().shortLabel(),
              primary.getScoreUnit(),
              st.getN(),
              primary.getScore(),
              primary.getScoreError(),
              sample ? st.getPercentile(50) : Double.NaN,
              sample ? st.getPercentile(99) : Double.NaN,
              st.getMin(),
              st.getMax()));
    }
  }

  // ---------------------------------------------------------------- throughput

  private static List<Peer> rotated(int by) {
    List<Peer> peers = new ArrayList<>(List.of(Peer.values()));
    java.util.Collections.rotate(peers, -by);
    return peers;
  }

  private void throughput() {
    // interleaved: every peer at one load, then the next load, the first peer rotating; then
    // the same again for the next round
    int turn = 0;
    for (int round = 0; round < plan.rounds(); round++) {
      for (LoadPlan lp : plan.loads()) {
        for (Peer peer : rotated(turn++)) {
          throughputPoint(peer, "default", null, lp);
        }
      }
    }
  }

  private void rulesThroughput() {
    for (LoadPlan lp : plan.rulesLoads()) {
      throughputPoint(Peer.SMTPMOCK, "rules-baseline", null, lp);
      throughputPoint(Peer.SMTPMOCK, "rules200", rulesScenario, lp);
    }
    pipelinePoint(Peer.SMTPMOCK, "rules-baseline", null);
    pipelinePoint(Peer.SMTPMOCK, "rules200", rulesScenario);
  }

  /**
   * The runs that warm a server up before a measured run: a tenth of the messages first, so that
   * connections have ended once (the JIT compiles the paths of a session's end only after they ran,
   * and when they first ran between the warm-up and the measured run, the measured run paid for
   * recompiling: bench/PERFORMANCE.md), then all of them (a shorter warm-up left the JIT compiling
   * through the measured run, and each JVM server was measured half warm).
   */
  static List<Long> warmUps(long messages) {
    return List.of(Math.max(1, messages / 10), messages);
  }

  private static String slug(String s) {
    return s.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
  }

  private void throughputPoint(Peer peer, String variant, Path scenario, LoadPlan lp) {
    String load = lp.load().label();
    Path dir =
        settings
            .work()
            .resolve("throughput")
            .resolve(slug(load) + "-" + slug(peer.label()) + "-" + variant + "-" + (++points));
    String what =
        peer.label() + (variant.equals("default") ? "" : " (" + variant + ")") + " at " + load;
    try (ServerProcess server =
        ServerProcess.start(peer, settings, scenario, dir.resolve("server.log"))) {
      noteCommand(server);
      List<Long> warmUps = warmUps(lp.messages());
      long warm = 0;
      for (int i = 0; i < warmUps.size(); i++) {
        warm +=
            SmtpSource.run(
                    lp.load(),
                    warmUps.get(i),
                    server.port(),
                    dir.resolve("warmup-" + (i + 1) + ".log"),
                    plan.pointTimeoutSeconds() / 3)
                .completed();
      }
      SmtpSource.Run run =
          SmtpSource.run(
              lp.load(),
              lp.messages(),
              server.port(),
              dir.resolve("smtp-source.log"),
              plan.pointTimeoutSeconds());
      long hwm = server.peakRssKb();
      long captured = server.captured();
      Results.Throughput t =
          new Results.Throughput(
              load, peer, variant, run, lp.messages(), warm, hwm, captured, warm + run.completed());
      results.throughput.add(t);
      log(
          String.format(
              "%-32s %8.0f msgs/s  %6d/%d in %.1f s  peak RSS %d MB  captured %s%s",
              what,
              run.rate(),
              run.completed(),
              lp.messages(),
              run.seconds(),
              hwm / 1024,
              captured < 0 ? "-" : Long.toString(captured),
              run.timedOut()
                  ? "  STOPPED AT THE TIME LIMIT"
                  : run.exit() != 0 ? "  exit " + run.exit() + ": " + run.tail() : ""));
      boolean ours = peer == Peer.SMTPMOCK;
      if (ours && captured != warm + run.completed()) {
        results.problems.add(
            what + ": captured " + captured + " of " + (warm + run.completed()) + " messages sent");
      }
      if (run.completed() < lp.messages()) {
        String msg =
            what
                + ": "
                + run.completed()
                + " of "
                + lp.messages()
                + " messages"
                + (run.timedOut() ? " before the " + plan.pointTimeoutSeconds() + " s limit" : "")
                + (run.tail().isEmpty() ? "" : " (smtp-source: " + run.tail() + ")");
        if (ours || plan == SMOKE) {
          results.problems.add(msg);
        } else {
          results.notes.add(msg);
        }
      }
    } catch (IOException | RuntimeException e) {
      results.problems.add(what + ": " + e);
      log(what + " FAILED: " + e);
    }
  }

  private void noteCommand(ServerProcess server) {
    String c =
        Proc.display(server.command())
            .replace(settings.classpath(), "$CP")
            .replace(settings.runnerJar().toString(), "runner/target/smtpmock.jar")
            .replace(settings.work().toString(), "$WORK")
            .replace(settings.java(), "java")
            .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT");
    if (!results.serverCommands.contains(c)) {
      results.serverCommands.add(c);
    }
  }

  // ---------------------------------------------------------------- pipelining

  private void pipeline() {
    for (Peer peer : rotated(1)) {
      if (peer == Peer.SMTP_SINK && !postfix) {
        continue;
      }
      pipelinePoint(peer, "default", null);
    }
  }

  private void pipelinePoint(Peer peer, String variant, Path scenario) {
    Path dir = settings.work().resolve("pipeline").resolve(slug(peer.label()) + "-" + variant);
    String what =
        peer.label() + (variant.equals("default") ? "" : " (" + variant + ")") + " pipelined";
    try (ServerProcess server =
        ServerProcess.start(peer, settings, scenario, dir.resolve("server.log"))) {
      noteCommand(server);
      long warm = 0;
      for (long messages : plan.pipeWarmup() > 0 ? warmUps(plan.pipeWarmup()) : List.<Long>of()) {
        warm +=
            Pipeliner.run(
                    server.port(), plan.pipeConnections(), messages, plan.pipeTimeoutSeconds() / 3)
                .delivered();
      }
      Pipeliner.Result r =
          Pipeliner.run(
              server.port(),
              plan.pipeConnections(),
              plan.pipeMessages(),
              plan.pipeTimeoutSeconds());
      long hwm = server.peakRssKb();
      long captured = server.captured();
      results.pipeline.add(
          new Results.Pipeline(
              peer,
              variant,
              plan.pipeConnections(),
              plan.pipeMessages(),
              r,
              warm,
              hwm,
              captured,
              warm + r.delivered()));
      log(
          String.format(
              "%-32s %8.0f msgs/s  %6d/%d in %.1f s  peak RSS %d MB  captured %s  errors %d%s",
              what,
              r.rate(),
              r.delivered(),
              plan.pipeMessages(),
              r.seconds(),
              hwm / 1024,
              captured < 0 ? "-" : Long.toString(captured),
              r.errors(),
              r.firstError() == null ? "" : " (" + r.firstError() + ")"));
      if (peer == Peer.SMTPMOCK) {
        if (captured != warm + r.delivered()) {
          results.problems.add(what + ": captured " + captured + " of " + (warm + r.delivered()));
        }
        if (r.errors() > 0 || r.delivered() < plan.pipeMessages()) {
          results.problems.add(
              what
                  + ": "
                  + r.delivered()
                  + " of "
                  + plan.pipeMessages()
                  + " delivered, errors: "
                  + r.firstError());
        }
      } else if (r.errors() > 0 || r.delivered() < plan.pipeMessages()) {
        results.notes.add(
            what
                + ": "
                + r.delivered()
                + " of "
                + plan.pipeMessages()
                + " delivered"
                + (r.firstError() == null ? "" : ", first error: " + r.firstError()));
      }
    } catch (IOException | RuntimeException e) {
      results.problems.add(what + ": " + e);
      log(what + " FAILED: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      results.problems.add(what + ": interrupted");
    }
  }

  // ---------------------------------------------------------------- idle connections

  private void idle() {
    for (Peer peer : rotated(0)) {
      if (peer == Peer.SMTP_SINK && !postfix) {
        continue;
      }
      idlePoint(peer);
    }
  }

  private void idlePoint(Peer peer) {
    int n = plan.idleConnections();
    Path dir = settings.work().resolve("idle").resolve(slug(peer.label()));
    String what = peer.label() + " holding " + n + " idle connections";
    long maxSeconds = plan == SMOKE ? 60 : 180;
    try (ServerProcess server =
        ServerProcess.start(peer, settings, null, dir.resolve("server.log"))) {
      noteCommand(server);
      Thread.sleep(1000);
      long heapBefore = peer.java() ? Proc.heapAfterGcKb(server.pid()) : -1;
      long rssBefore = Proc.statusKb(server.pid(), "VmRSS");
      List<String> command =
          List.of(
              settings.java(),
              "-cp",
              settings.classpath(),
              IdleClient.class.getName(),
              Integer.toString(server.port()),
              Integer.toString(n),
              Long.toString(maxSeconds));
      Process client =
          new ProcessBuilder(command).redirectError(dir.resolve("client.log").toFile()).start();
      try {
        String line = readLineWithin(client, maxSeconds);
        if (line == null || !line.startsWith("held ")) {
          throw new IOException(
              "the idle client said: " + line + "; see " + dir.resolve("client.log"));
        }
        String[] f = line.split(" ", 8);
        int held = Integer.parseInt(f[1]);
        int failed = Integer.parseInt(f[3]);
        long millis = Long.parseLong(f[5]);
        String first = f.length > 7 ? f[7] : null;
        Thread.sleep(2000); // let the server settle
        long heapAfter = peer.java() ? Proc.heapAfterGcKb(server.pid()) : -1;
        long rssAfter = Proc.statusKb(server.pid(), "VmRSS");
        long hwm = server.peakRssKb();
        long threads = Proc.threads(server.pid());
        results.idle.add(
            new Results.Idle(
                peer,
                n,
                held,
                failed,
                first,
                millis,
                heapBefore,
                heapAfter,
                rssBefore,
                rssAfter,
                hwm,
                threads));
        log(
            String.format(
                "%-40s held %d (failed %d) in %d ms; heap after GC %s -> %s MB; RSS %d -> %d MB; threads %d%s",
                what,
                held,
                failed,
                millis,
                heapBefore < 0 ? "-" : Long.toString(heapBefore / 1024),
                heapAfter < 0 ? "-" : Long.toString(heapAfter / 1024),
                rssBefore / 1024,
                rssAfter / 1024,
                threads,
                first == null ? "" : " first failure: " + first));
        if (peer == Peer.SMTPMOCK && held < n) {
          results.problems.add(
              what + ": held only " + held + (first == null ? "" : " (" + first + ")"));
        }
      } finally {
        client.getOutputStream().close(); // the client closes its connections and exits
        if (!client.waitFor(30, TimeUnit.SECONDS)) {
          client.destroyForcibly();
        }
      }
    } catch (IOException | RuntimeException e) {
      results.problems.add(what + ": " + e);
      log(what + " FAILED: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      results.problems.add(what + ": interrupted");
    }
  }

  private static String readLineWithin(Process p, long seconds) throws InterruptedException {
    CompletableFuture<String> line =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
              } catch (IOException e) {
                return null;
              }
            });
    try {
      return line.get(seconds, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return null;
    }
  }

  // ---------------------------------------------------------------- delay

  private void delay() {
    Path dir = settings.work().resolve("delay");
    String what = "delay: 100ms";
    SmtpSource.Load load = new SmtpSource.Load(20, false);
    Path gcLog = dir.resolve("gc.log");
    try (ServerProcess server =
        ServerProcess.start(
            Peer.SMTPMOCK,
            settings,
            delayScenario,
            dir.resolve("server.log"),
            List.of("-Xlog:gc:file=" + gcLog))) {
      noteCommand(server);
      if (postfix) {
        SmtpSource.run(load, plan.delayWarmup(), server.port(), dir.resolve("warmup.log"), 30);
      }
      // the -s 20 load runs until the probes are done (its count is only an upper bound)
      Process background = null;
      long loadStart = System.nanoTime();
      List<String> loadCommand = List.of();
      Path loadLog = dir.resolve("load.log");
      if (postfix) {
        loadCommand = SmtpSource.command(load, 10_000_000, server.port());
        background = SmtpSource.start(load, 10_000_000, server.port(), loadLog);
        Thread.sleep(1000);
      }
      long maxSeconds = plan == SMOKE ? 20 : 60;
      DelayProbe.Result r;
      boolean alive;
      double loadRate = 0;
      CompletableFuture<long[]> timer =
          CompletableFuture.supplyAsync(
              () -> DelayProbe.jdkTimerLateness(plan.delayProbes(), maxSeconds));
      long[] lateness;
      try {
        r = DelayProbe.run(server.port(), plan.delayConnections(), plan.delayProbes(), maxSeconds);
      } finally {
        lateness = timer.join();
        alive = background != null && background.isAlive();
        if (background != null) {
          background.destroy();
          if (!background.waitFor(10, TimeUnit.SECONDS)) {
            background.destroyForcibly();
          }
          double seconds = (System.nanoTime() - loadStart) / 1e9;
          loadRate =
              SmtpSource.lastCount(Files.readString(loadLog, StandardCharsets.ISO_8859_1))
                  / seconds;
        }
      }
      results.delay =
          new Results.Delay(
              100,
              plan.delayConnections(),
              r,
              lateness,
              postfix,
              loadRate,
              loadCommand,
              alive,
              GcLog.pauses(gcLog));
      long[] d = r.delayed();
      log(
          String.format(
              "%s: %d probes, round trip p50 %.2f ms p99 %.2f ms (baseline p50 %.2f p99 %.2f;"
                  + " a JDK timer's lateness p50 %.2f p99 %.2f)%s%s",
              what,
              d.length,
              Stats.percentile(d, 50) / 1e6,
              Stats.percentile(d, 99) / 1e6,
              Stats.percentile(r.baseline(), 50) / 1e6,
              Stats.percentile(r.baseline(), 99) / 1e6,
              Stats.percentile(lateness, 50) / 1e6,
              Stats.percentile(lateness, 99) / 1e6,
              postfix
                  ? String.format(" under %s at %.0f msgs/s", load.label(), loadRate)
                  : " (no load: no smtp-source)",
              r.firstError() == null ? "" : " error: " + r.firstError()));
      if (r.firstError() != null || d.length == 0) {
        results.problems.add(what + ": " + d.length + " probes, error: " + r.firstError());
      } else if (Stats.percentile(d, 50) < 100_000_000L) {
        results.problems.add(what + ": the delayed reply came sooner than 100 ms");
      }
      if (postfix && !alive) {
        results.notes.add(what + ": the background load ended before the probes did");
      }
    } catch (IOException | RuntimeException e) {
      results.problems.add(what + ": " + e);
      log(what + " FAILED: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      results.problems.add(what + ": interrupted");
    }
  }
}
