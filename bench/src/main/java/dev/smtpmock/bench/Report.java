package dev.smtpmock.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes RESULTS.md: every figure of the run, how it was made, the machine, the ratios. */
final class Report {
  private final String plan;
  private final Results r;
  private final Settings settings;
  private final Duration took;
  private final Set<String> parts;
  private final boolean postfix;
  private final StringBuilder md = new StringBuilder();

  Report(
      String plan,
      Results results,
      Settings settings,
      Duration took,
      Set<String> parts,
      boolean postfix) {
    this.plan = plan;
    this.r = results;
    this.settings = settings;
    this.took = took;
    this.parts = parts;
    this.postfix = postfix;
  }

  void write(Path file) throws IOException {
    header();
    targets();
    perTest();
    throughput();
    pipeline();
    idle();
    rules();
    delay();
    problems();
    changes(file.resolveSibling("PERFORMANCE.md"));
    reproduce();
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------ helpers

  private void p(String format, Object... args) {
    md.append(String.format(Locale.ROOT, format, args)).append('\n');
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private static String num(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    if (v >= 100) {
      return f("%,.0f", v);
    }
    if (v >= 10) {
      return f("%.1f", v);
    }
    return f("%.2f", v);
  }

  private static String mb(long kb) {
    return kb < 0 ? "–" : f("%,.0f MB", kb / 1024.0);
  }

  private static String ratio(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "–" : f("%.2f×", v);
  }

  // ------------------------------------------------------------------ header

  private void header() {
    p("# smtpmock benchmarks");
    p("");
    p(
        "Written by %s (plan `%s`, parts %s) on %s; the run took %d min %d s. Every figure"
            + " below comes from this one run, and every ratio compares figures of the same run."
            + " Targets are goals to measure against, not assertions.",
        plan.equals("full") ? "`bash bench/run.sh`" : "the bench smoke of `mvn verify`",
        plan,
        String.join(", ", parts),
        ZonedDateTime.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
        took.toMinutes(),
        took.toSecondsPart());
    p("");
    if (!plan.equals("full")) {
      p(
          "**This is a smoke run**: its sizes are far too small for the figures to mean anything;"
              + " it only shows that every part of the harness works. `bash bench/run.sh` makes"
              + " the real figures.");
      p("");
    }
    p("## The machine");
    p("");
    p("| what | value |");
    p("| --- | --- |");
    p("| CPUs (`nproc`) | %d |", Runtime.getRuntime().availableProcessors());
    p("| CPU | %s |", cpuModel());
    p("| memory | %s |", memTotal());
    p("| kernel | %s %s |", System.getProperty("os.name"), System.getProperty("os.version"));
    p(
        "| JDK | %s %s (%s) |",
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"),
        System.getProperty("java.home"));
    p("| open files (soft / hard) | %s |", limits());
    p("| Postfix (smtp-source, smtp-sink) | %s |", postfixVersion());
    p("| GreenMail | %s |", jarVersion("greenmail"));
    p("| Wiser (SubEthaSMTP) | %s |", jarVersion("subethasmtp"));
    p("| Jakarta Mail (Angus) | %s |", jarVersion("angus-mail"));
    p("| JMH | %s |", jarVersion("jmh-core"));
    p("| smtpmock | %s |", gitCommit());
    p("");
    p(
        "Every server runs on 127.0.0.1 with its defaults: each Java server in its own JVM with no"
            + " heap or GC flags (so the JVM takes a quarter of the memory as its maximum heap),"
            + " smtpmock as the runner jar with the `default` scenario (every message captured),"
            + " GreenMail and Wiser through `PeerMain` (their documented start, logging at WARN),"
            + " smtp-sink as Postfix ships it. Peak RSS is `VmHWM` from `/proc/PID/status` of the"
            + " server process, read before it stops.");
    p("");
    if (!r.parts.isEmpty()) {
      p(
          "The machine may be shared (other builds): the load averages (1, 5, 15 min) at the start"
              + " and end of each part tell how quiet it was. The run itself keeps about 2 busy.");
      p("");
      p("| part | took | load average at start | at end |");
      p("| --- | --- | --- | --- |");
      r.parts.forEach(x -> p("%s", x));
      p("");
    }
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // below
    }
    return "unknown";
  }

  private static String memTotal() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          long kb = Long.parseLong(line.replaceAll("\\D", ""));
          return f("%.1f GiB", kb / 1024.0 / 1024.0);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // below
    }
    return "unknown";
  }

  private static String limits() {
    long[] l = Proc.openFileLimits();
    return (l[0] == Long.MAX_VALUE ? "unlimited" : Long.toString(l[0]))
        + " / "
        + (l[1] == Long.MAX_VALUE ? "unlimited" : Long.toString(l[1]));
  }

  private static String postfixVersion() {
    String v = Proc.run(List.of("dpkg-query", "-W", "-f=${Version}", "postfix"), 10);
    if (v == null || v.isBlank()) {
      return Tools.postfixToolsPresent() ? "present (version unknown)" : "not installed";
    }
    return "postfix " + v.trim();
  }

  private String jarVersion(String artifact) {
    Matcher m =
        Pattern.compile("/" + Pattern.quote(artifact) + "/([^/]+)/" + Pattern.quote(artifact) + "-")
            .matcher(settings.classpath());
    return m.find() ? m.group(1) : "unknown";
  }

  private static String gitCommit() {
    String head = Proc.run(List.of("git", "rev-parse", "--short", "HEAD"), 10);
    if (head == null) {
      return "unknown commit";
    }
    String dirty = Proc.run(List.of("git", "status", "--porcelain", "--untracked-files=no"), 10);
    return "commit "
        + head.trim()
        + (dirty != null && !dirty.isBlank() ? " with uncommitted changes in the work tree" : "");
  }

  // ------------------------------------------------------------------ lookups

  private Optional<Results.Jmh> jmh(String benchmark, String param) {
    return r.jmh.stream()
        .filter(j -> j.benchmark().equals(benchmark) && j.param().equals(param))
        .findFirst();
  }

  /** The best of the rounds (noise on a shared machine only slows a run down). */
  private Optional<Results.Throughput> tp(String load, Peer peer, String variant) {
    return runs(load, peer, variant).stream()
        .max(java.util.Comparator.comparingDouble(t -> t.run().rate()));
  }

  private List<Results.Throughput> runs(String load, Peer peer, String variant) {
    return r.throughput.stream()
        .filter(t -> t.load().equals(load) && t.peer() == peer && t.variant().equals(variant))
        .toList();
  }

  private String peakRss(String load, Peer peer) {
    return runs(load, peer, "default").stream()
        .mapToLong(Results.Throughput::peakRssKb)
        .max()
        .stream()
        .mapToObj(Report::mb)
        .findFirst()
        .orElse("–");
  }

  private List<String> loads() {
    Set<String> loads = new LinkedHashSet<>();
    r.throughput.stream()
        .filter(t -> t.variant().equals("default"))
        .forEach(t -> loads.add(t.load()));
    return new ArrayList<>(loads);
  }

  private Optional<Results.Pipeline> pipe(Peer peer, String variant) {
    return r.pipeline.stream()
        .filter(x -> x.peer() == peer && x.variant().equals(variant))
        .findFirst();
  }

  private double rate(String load, Peer peer) {
    return tp(load, peer, "default").map(t -> t.run().rate()).orElse(Double.NaN);
  }

  private static double bestOf(double a, double b) {
    if (Double.isNaN(a)) {
      return b;
    }
    if (Double.isNaN(b)) {
      return a;
    }
    return Math.max(a, b);
  }

  // ------------------------------------------------------------------ targets

  private void targets() {
    p("## Targets (ratios from this run)");
    p("");
    p("| target | measured | verdict |");
    p("| --- | --- | --- |");
    // throughput vs smtp-sink and vs the best Java peer, at every load (pipelined included)
    List<String[]> vsSink = new ArrayList<>();
    List<String[]> vsJava = new ArrayList<>();
    for (String load : loads()) {
      double ours = rate(load, Peer.SMTPMOCK);
      vsSink.add(new String[] {load, Double.toString(ours / rate(load, Peer.SMTP_SINK))});
      vsJava.add(
          new String[] {
            load, Double.toString(ours / bestOf(rate(load, Peer.GREENMAIL), rate(load, Peer.WISER)))
          });
    }
    Optional<Results.Pipeline> ourPipe = pipe(Peer.SMTPMOCK, "default");
    if (ourPipe.isPresent()) {
      double ours = ourPipe.get().result().rate();
      double sink = pipe(Peer.SMTP_SINK, "default").map(x -> x.result().rate()).orElse(Double.NaN);
      double gm = pipe(Peer.GREENMAIL, "default").map(x -> x.result().rate()).orElse(Double.NaN);
      double wi = pipe(Peer.WISER, "default").map(x -> x.result().rate()).orElse(Double.NaN);
      vsSink.add(new String[] {"pipelined", Double.toString(ours / sink)});
      vsJava.add(new String[] {"pipelined", Double.toString(ours / bestOf(gm, wi))});
    }
    targetRow("throughput ≥ 0.9× smtp-sink at every load", vsSink, 0.9);
    targetRow("throughput ≥ 2× the best of GreenMail and Wiser at every load", vsJava, 2.0);

    Optional<Results.Jmh> ours = jmh("PerTestCost.smtpmock", "");
    Optional<Results.Jmh> wiser = jmh("PerTestCost.wiser", "");
    Optional<Results.Jmh> green = jmh("PerTestCost.greenmail", "");
    if (ours.isPresent() && wiser.isPresent()) {
      double q = ours.get().p50() / wiser.get().p50();
      p(
          "| per-test cost ≤ 1/2 of Wiser's median | %s ms ÷ %s ms = %s%s | %s |",
          num(ours.get().p50()),
          num(wiser.get().p50()),
          ratio(q),
          noTimeWait("PerTestCostNoTimeWait.wiser"),
          atMost(q, 0.5));
    } else {
      p("| per-test cost ≤ 1/2 of Wiser's median | not measured | – |");
    }
    if (ours.isPresent() && green.isPresent()) {
      double q = ours.get().p50() / green.get().p50();
      p(
          "| per-test cost ≤ 1/10 of GreenMail's median | %s ms ÷ %s ms = %s%s | %s |",
          num(ours.get().p50()),
          num(green.get().p50()),
          ratio(q),
          noTimeWait("PerTestCostNoTimeWait.greenmail"),
          atMost(q, 0.1));
    } else {
      p("| per-test cost ≤ 1/10 of GreenMail's median | not measured | – |");
    }
    Optional<Results.Idle> idle =
        r.idle.stream().filter(i -> i.peer() == Peer.SMTPMOCK).findFirst();
    if (idle.isPresent() && idle.get().heapAfterKb() >= 0) {
      Results.Idle i = idle.get();
      double heapMb = i.heapAfterKb() / 1024.0;
      p(
          "| %,d idle connections with heap ≤ 256 MB | %,d held; heap after a full GC %s (RSS %s) | %s |",
          i.requested(),
          i.held(),
          mb(i.heapAfterKb()),
          mb(i.rssAfterKb()),
          i.held() < i.requested()
              ? "**missed**: held " + i.held()
              : heapMb <= 256 ? "met" : f("**missed** by %.0f MB", heapMb - 256));
    } else {
      p("| 10,000 idle connections with heap ≤ 256 MB | not measured | – |");
    }
    if (r.delay != null && r.delay.probes().delayed().length > 0) {
      long[] err = errors(r.delay);
      double p99 = Stats.percentile(err, 99) / 1e6;
      p(
          "| `delay: 100ms` error p99 within 10 ms %s | p99 error %+.2f ms (p50 %+.2f ms, %d probes) | %s |",
          r.delay.underLoad() ? "under the -s 20 load" : "(measured without load: no smtp-source)",
          p99,
          Stats.percentile(err, 50) / 1e6,
          err.length,
          Math.abs(p99) <= 10 ? "met" : f("**missed** by %.2f ms", Math.abs(p99) - 10));
    } else {
      p("| `delay: 100ms` error p99 within 10 ms under the -s 20 load | not measured | – |");
    }
    p("");
  }

  /** The same ratio from the benchmark without TIME_WAIT, as a parenthesis; "" if not run. */
  private String noTimeWait(String peerBenchmark) {
    Optional<Results.Jmh> ours = jmh("PerTestCostNoTimeWait.smtpmock", "");
    Optional<Results.Jmh> peer = jmh(peerBenchmark, "");
    if (ours.isEmpty() || peer.isEmpty()) {
      return "";
    }
    return f(
        " (client closing with RST, no TIME_WAIT: %s ms ÷ %s ms = %s)",
        num(ours.get().p50()), num(peer.get().p50()), ratio(ours.get().p50() / peer.get().p50()));
  }

  private void targetRow(String target, List<String[]> perLoad, double atLeast) {
    if (perLoad.isEmpty()) {
      p("| %s | not measured | – |", target);
      return;
    }
    StringBuilder measured = new StringBuilder();
    List<String> missed = new ArrayList<>();
    for (String[] l : perLoad) {
      double v = Double.parseDouble(l[1]);
      if (measured.length() > 0) {
        measured.append("; ");
      }
      measured.append(l[0]).append(": ").append(ratio(v));
      if (Double.isNaN(v) || v < atLeast) {
        missed.add(
            Double.isNaN(v)
                ? l[0] + " (not measured)"
                : f("%s (%.2f×, %.0f%% of the target)", l[0], v, 100 * v / atLeast));
      }
    }
    p(
        "| %s | %s | %s |",
        target, measured, missed.isEmpty() ? "met" : "**missed** at " + String.join(", ", missed));
  }

  private static String atMost(double q, double limit) {
    if (Double.isNaN(q)) {
      return "–";
    }
    return q <= limit ? "met" : f("**missed**: %.2f× of the peer, %.1f× the target", q, q / limit);
  }

  private static long[] errors(Results.Delay d) {
    long asked = d.askedMillis() * 1_000_000L;
    long[] e = d.probes().delayed().clone();
    for (int i = 0; i < e.length; i++) {
      e[i] -= asked;
    }
    return e;
  }

  // ------------------------------------------------------------------ 1. per-test cost

  private void perTest() {
    p("## 1. Per-test cost (JMH, one JVM)");
    p("");
    if (r.jmh.isEmpty()) {
      p("Not measured in this run.");
      p("");
      return;
    }
    p(
        "One operation = start a server on a free port → Jakarta Mail (Angus) connects and reads the"
            + " 220 → EHLO, one message → QUIT → the message is seen captured → the server is"
            + " closed. JMH `SampleTime`: every operation is timed. The JUnit rows run a test"
            + " class with one such test through the JUnit Platform launcher (discovery and"
            + " execution, as a build tool does): `@SmtpMock` with the per-method lifecycle, and"
            + " the same test starting the server by hand.");
    p("");
    p(
        "Each operation leaves sockets in TIME_WAIT for 60 s, and thousands of them make binding"
            + " a port and connecting measurably slower (the kernel searches longer for a free"
            + " port). Each benchmark therefore starts once fewer than 500 are left (it waits up to"
            + " 65 s); within a benchmark, a faster server piles up more of them, as a test suite"
            + " running test after test does.");
    p("");
    p("| | median | p99 | mean ± error | min | max | samples | smtpmock's median ÷ this |");
    p("| --- | --- | --- | --- | --- | --- | --- | --- |");
    Optional<Results.Jmh> ours = jmh("PerTestCost.smtpmock", "");
    for (String[] row :
        new String[][] {
          {"PerTestCost.smtpmock", "smtpmock (`SmtpMockServer.start()`)"},
          {"PerTestCost.greenmail", "GreenMail"},
          {"PerTestCost.wiser", "Wiser"},
          {"PerTestCost.junitPerMethod", "JUnit test with `@SmtpMock` (PER_METHOD)"},
          {"PerTestCost.junitByHand", "JUnit test, server started by hand"}
        }) {
      Optional<Results.Jmh> j = jmh(row[0], "");
      if (j.isEmpty()) {
        p("| %s | not measured | | | | | | |", row[1]);
        continue;
      }
      Results.Jmh x = j.get();
      p(
          "| %s | %s ms | %s ms | %s ± %s ms | %s ms | %s ms | %,d | %s |",
          row[1],
          num(x.p50()),
          num(x.p99()),
          num(x.mean()),
          num(x.error()),
          num(x.min()),
          num(x.max()),
          x.samples(),
          row[0].contains("junit") ? "–" : ours.map(o -> ratio(o.p50() / x.p50())).orElse("–"));
    }
    Optional<Results.Jmh> oursRst = jmh("PerTestCostNoTimeWait.smtpmock", "");
    if (oursRst.isPresent()) {
      p("");
      p(
          "The same three once more with a client that closes with a TCP RST (SO_LINGER 0), so"
              + " that no socket is left in TIME_WAIT: the servers' own cost, without the kernel's"
              + " share. The floor row sends the same message to a server that is already running"
              + " (none started or stopped): the client's own share.");
      p("");
      p("| | median | p99 | mean ± error | samples | smtpmock's median ÷ this |");
      p("| --- | --- | --- | --- | --- | --- |");
      for (String[] row :
          new String[][] {
            {"PerTestCostNoTimeWait.smtpmock", "smtpmock"},
            {"PerTestCostNoTimeWait.greenmail", "GreenMail"},
            {"PerTestCostNoTimeWait.wiser", "Wiser"},
            {"PerTestCostNoTimeWait.clientOnlyFloor", "floor: Jakarta Mail to a running server"}
          }) {
        Optional<Results.Jmh> j = jmh(row[0], "");
        if (j.isEmpty()) {
          continue;
        }
        Results.Jmh x = j.get();
        p(
            "| %s | %s ms | %s ms | %s ± %s ms | %,d | %s |",
            row[1],
            num(x.p50()),
            num(x.p99()),
            num(x.mean()),
            num(x.error()),
            x.samples(),
            row[0].endsWith("Floor") ? "–" : ratio(oursRst.get().p50() / x.p50()));
      }
    }
    Optional<Results.Jmh> ext = jmh("PerTestCost.junitPerMethod", "");
    Optional<Results.Jmh> hand = jmh("PerTestCost.junitByHand", "");
    if (ext.isPresent() && hand.isPresent()) {
      p("");
      p(
          "What the extension adds to a test over starting the server by hand: %+.3f ms at the"
              + " median, %+.3f ms at p99.",
          ext.get().p50() - hand.get().p50(), ext.get().p99() - hand.get().p99());
    }
    List<Results.Jmh> first =
        r.jmh.stream().filter(j -> j.benchmark().startsWith("FirstTestCost.")).toList();
    if (!first.isEmpty()) {
      p("");
      p(
          "The first test of a run (JMH `SingleShotTime`: the same operation once in a fresh JVM,"
              + " class loading included; one sample per fork):");
      p("");
      p("| | mean | min | max | forks |");
      p("| --- | --- | --- | --- | --- |");
      for (Results.Jmh j : first) {
        p(
            "| %s | %s ms | %s ms | %s ms | %d |",
            j.benchmark().substring("FirstTestCost.".length()),
            num(j.mean()),
            num(j.min()),
            num(j.max()),
            j.samples());
      }
    }
    p("");
    p("Commands (from the repository root, after `bash bench/run.sh` built the module):");
    p("");
    p("```");
    r.jmhCommands.forEach(c -> p("%s", c));
    p("```");
    p("");
  }

  // ------------------------------------------------------------------ 2. throughput

  private void throughput() {
    p("## 2. Throughput with Postfix's smtp-source (1 KB messages)");
    p("");
    if (r.throughput.stream().noneMatch(t -> t.variant().equals("default"))) {
      p(postfix ? "Not measured in this run." : "Not measured: smtp-source is not installed.");
      p("");
      return;
    }
    long rounds =
        r.throughput.stream()
            .filter(t -> t.variant().equals("default") && t.peer() == Peer.SMTPMOCK)
            .map(Results.Throughput::load)
            .filter(l -> l.equals(loads().get(0)))
            .count();
    p(
        "Interleaved: at each load every server in turn (the first one rotates), each a fresh"
            + " process warmed up before it by two runs of the same smtp-source command, each"
            + " stopped after a third of the time limit: one of a tenth of the messages, so that"
            + " the JIT has seen connections end, then one identical to the measured run; then"
            + " the next load;"
            + " %d round(s) of all that. msgs/s = messages smtp-source completed (its own `-c`"
            + " counter) ÷ its wall time; the table shows each server's best round (every run is"
            + " listed below). Without `-d` every message has its own connection.",
        rounds);
    p("");
    p(
        "| load | smtpmock | GreenMail | Wiser | smtp-sink | smtpmock ÷ smtp-sink |"
            + " smtpmock ÷ best of GreenMail, Wiser |");
    p("| --- | --- | --- | --- | --- | --- | --- |");
    for (String load : loads()) {
      double ours = rate(load, Peer.SMTPMOCK);
      p(
          "| `%s` | %s | %s | %s | %s | %s | %s |",
          load,
          cell(load, Peer.SMTPMOCK),
          cell(load, Peer.GREENMAIL),
          cell(load, Peer.WISER),
          cell(load, Peer.SMTP_SINK),
          ratio(ours / rate(load, Peer.SMTP_SINK)),
          ratio(ours / bestOf(rate(load, Peer.GREENMAIL), rate(load, Peer.WISER))));
    }
    p("");
    p("msgs/s (a `†` marks a run that did not complete every message: see the notes below).");
    p("");
    p("Peak RSS of the server process (`VmHWM`), warm-up and measured run together:");
    p("");
    p("| load | messages (warm-up + measured) | smtpmock | GreenMail | Wiser | smtp-sink |");
    p("| --- | --- | --- | --- | --- | --- |");
    for (String load : loads()) {
      long msgs =
          tp(load, Peer.SMTPMOCK, "default").map(t -> t.warmup() + t.requested()).orElse(-1L);
      p(
          "| `%s` | %s | %s | %s | %s | %s |",
          load,
          msgs < 0 ? "–" : f("%,d", msgs),
          peakRss(load, Peer.SMTPMOCK),
          peakRss(load, Peer.GREENMAIL),
          peakRss(load, Peer.WISER),
          peakRss(load, Peer.SMTP_SINK));
    }
    p("");
    List<String> short_ = new ArrayList<>();
    long smtpmockRuns = 0;
    for (Results.Throughput t : r.throughput) {
      if (t.peer() == Peer.SMTPMOCK) {
        smtpmockRuns++;
        if (t.captured() != t.expectedCaptured()) {
          short_.add(f("`%s`: %,d of %,d", t.load(), t.captured(), t.expectedCaptured()));
        }
      }
    }
    p(
        "Captured by smtpmock (the `accepted` count of `GET /api/stats` on the runner's admin API,"
            + " warm-up included, compared with what smtp-source completed): %s.",
        short_.isEmpty()
            ? f("every message, in all %d runs", smtpmockRuns)
            : "**not all**: " + String.join("; ", short_));
    p("");
    p("<details><summary>Every run</summary>");
    p("");
    p("| # | load | server | msgs/s | completed | seconds | peak RSS | captured |");
    p("| --- | --- | --- | --- | --- | --- | --- | --- |");
    int n = 0;
    for (Results.Throughput t : r.throughput) {
      p(
          "| %d | `%s` | %s%s | %s | %,d of %,d%s | %.2f | %s | %s |",
          ++n,
          t.load(),
          t.peer().label(),
          t.variant().equals("default") ? "" : " (" + t.variant() + ")",
          num(t.run().rate()),
          t.run().completed(),
          t.requested(),
          t.run().timedOut() ? " (time limit)" : "",
          t.run().seconds(),
          mb(t.peakRssKb()),
          t.captured() < 0 ? "–" : f("%,d", t.captured()));
    }
    p("");
    p("</details>");
    p("");
    p(
        "The smtp-source command of each measured run (`PORT` = the server's; the warm-up runs"
            + " are the same command, the first with a tenth of the `-m`):");
    p("");
    p("```");
    Set<String> commands = new LinkedHashSet<>();
    for (Results.Throughput t : r.throughput) {
      commands.add(
          Proc.display(t.run().command()).replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT"));
    }
    commands.forEach(c -> p("%s", c));
    p("```");
    p("");
    p("The servers (`$CP` = `bench/target/classes` and `bench/target/bench.classpath`):");
    p("");
    p("```");
    r.serverCommands.forEach(c -> p("%s", c));
    p("```");
    p("");
  }

  private String cell(String load, Peer peer) {
    Optional<Results.Throughput> t = tp(load, peer, "default");
    if (t.isEmpty()) {
      return "–";
    }
    SmtpSource.Run run = t.get().run();
    return num(run.rate()) + (run.completed() < t.get().requested() ? " †" : "");
  }

  // ------------------------------------------------------------------ pipelining

  private void pipeline() {
    p("## 3. Pipelined throughput (our load generator)");
    p("");
    if (r.pipeline.stream().noneMatch(x -> x.variant().equals("default"))) {
      p("Not measured in this run.");
      p("");
      return;
    }
    Results.Pipeline any = pipe(Peer.SMTPMOCK, "default").orElse(r.pipeline.get(0));
    p(
        "smtp-source cannot pipeline, so `dev.smtpmock.bench.Pipeliner` does: %d connections, each"
            + " EHLO, then MAIL/RCPT/DATA in one write, and after the 354 the 1 KB message, its"
            + " final dot and the next MAIL/RCPT/DATA in one write (one round trip per message)."
            + " %,d messages, each server a fresh process warmed up as in section 2 (a run of a"
            + " tenth of the warm-up, then the warm-up, each stopped after a third of the time"
            + " limit; %s: %,d warm-up messages in all).",
        any.connections(), any.requested(), any.peer().label(), any.warmup());
    p("");
    p(
        "| server | msgs/s | peak RSS | PIPELINING advertised | delivered | errors | smtpmock ÷ this |");
    p("| --- | --- | --- | --- | --- | --- | --- |");
    double ours = pipe(Peer.SMTPMOCK, "default").map(x -> x.result().rate()).orElse(Double.NaN);
    for (Peer peer : Peer.values()) {
      Optional<Results.Pipeline> x = pipe(peer, "default");
      if (x.isEmpty()) {
        continue;
      }
      Pipeliner.Result res = x.get().result();
      p(
          "| %s | %s | %s | %s | %,d of %,d | %s | %s |",
          peer.label(),
          num(res.rate()),
          mb(x.get().peakRssKb()),
          res.advertised() ? "yes" : "no",
          res.delivered(),
          x.get().requested(),
          res.errors() == 0 ? "0" : res.errors() + " (" + res.firstError() + ")",
          peer == Peer.SMTPMOCK ? "–" : ratio(ours / res.rate()));
    }
    p("");
    p(
        "Command: `java -cp $CP dev.smtpmock.bench.Pipeliner PORT %d %d %d` does the same"
            + " standalone.",
        any.connections(), any.requested(), 60);
    p("");
  }

  // ------------------------------------------------------------------ 4. idle connections

  private void idle() {
    p("## 4. Scale: idle connections");
    p("");
    if (r.idle.isEmpty()) {
      p("Not measured in this run.");
      p("");
      return;
    }
    Results.Idle first = r.idle.get(0);
    p(
        "`dev.smtpmock.bench.IdleClient` (its own JVM: one process with both ends would need"
            + " twice the file descriptors) opens %,d connections one after another, reads each"
            + " greeting, and holds them. Heap = the server JVM's heap in use after a full GC"
            + " (`jcmd PID GC.run`, then `jcmd PID GC.heap_info`), before the connections and with"
            + " them held; RSS = `VmRSS`.",
        first.requested());
    p("");
    p(
        "| server | held | refused or failed | time to open | heap after GC: idle → held | RSS:"
            + " idle → held | peak RSS | threads while held |");
    p("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (Results.Idle i : r.idle) {
      p(
          "| %s | %,d | %,d%s | %,d ms | %s → %s | %s → %s | %s | %,d |",
          i.peer().label(),
          i.held(),
          i.failed(),
          i.firstFailure() == null ? "" : " (" + i.firstFailure().replace("|", "\\|") + ")",
          i.openMillis(),
          mb(i.heapBeforeKb()),
          mb(i.heapAfterKb()),
          mb(i.rssBeforeKb()),
          mb(i.rssAfterKb()),
          mb(i.peakRssKb()),
          i.threadsAfter());
    }
    p("");
    r.idle.stream()
        .filter(i -> i.peer() == Peer.SMTPMOCK && i.held() > 0 && i.heapAfterKb() >= 0)
        .findFirst()
        .ifPresent(
            i ->
                p(
                    "smtpmock: %.1f KB of heap and %.1f KB of RSS per idle connection.",
                    (i.heapAfterKb() - i.heapBeforeKb()) / (double) i.held(),
                    (i.rssAfterKb() - i.rssBeforeKb()) / (double) i.held()));
    p("");
    p(
        "Command: `java -cp $CP dev.smtpmock.bench.IdleClient PORT %d SECONDS` against each server"
            + " started as in section 2; `bench/run.sh` raises `ulimit -n` to the hard limit"
            + " first.",
        first.requested());
    p("");
  }

  // ------------------------------------------------------------------ 200 rules

  private void rules() {
    p("## 5. Scale: a scenario of 200 rules");
    p("");
    Optional<Results.Jmh> base = jmh("RuleMatching.command", "default");
    Optional<Results.Jmh> many = jmh("RuleMatching.command", "rules200");
    boolean tp = r.throughput.stream().anyMatch(t -> t.variant().equals("rules200"));
    if (base.isEmpty() && many.isEmpty() && !tp) {
      p("Not measured in this run.");
      p("");
      return;
    }
    p(
        "The scenario (`Scenarios.rules200()`, written to `rules200.yaml` in the work folder): 200"
            + " rules of which none fires on the benchmark's traffic, so every command is checked"
            + " against the rules of its event and then gets the default reply. 40 `rcpt` rules"
            + " with a `match` regex, 40 `[mail, rcpt]` rules with a regex, 40 `any` rules with a"
            + " regex, 40 `rcpt` rules with `per: server`, `key: [recipient]`, `after:` (counters,"
            + " no regex), 40 `message` rules with a `header` regex.");
    p("");
    if (base.isPresent() && many.isPresent()) {
      double cost = many.get().mean() - base.get().mean();
      p(
          "JMH (`RuleMatching`, average time): one connection pipelines RSET, MAIL and 98 RCPT"
              + " per operation; the figure is per command.");
      p("");
      p("| scenario | µs per command |");
      p("| --- | --- |");
      p("| default | %s ± %s |", num(base.get().mean()), num(base.get().error()));
      p("| 200 rules | %s ± %s |", num(many.get().mean()), num(many.get().error()));
      p("");
      p(
          "**Cost of matching 200 rules: %.2f µs per command** (%.1f× the default's whole"
              + " per-command cost; %.0f ns per rule whose event matches: 160 of the 200 see a"
              + " RCPT, 80 a MAIL, 40 a RSET).",
          cost,
          many.get().mean() / base.get().mean(),
          cost * 1000 / (0.98 * 160 + 0.01 * 80 + 0.01 * 40));
      p("");
    }
    if (tp) {
      p("smtp-source and the pipelining client against the runner, default scenario vs 200 rules:");
      p("");
      p("| load | default | 200 rules | 200 rules ÷ default |");
      p("| --- | --- | --- | --- |");
      for (Results.Throughput t : r.throughput) {
        if (!t.variant().equals("rules-baseline")) {
          continue;
        }
        Optional<Results.Throughput> m = tp(t.load(), Peer.SMTPMOCK, "rules200");
        p(
            "| `%s` | %s msgs/s | %s | %s |",
            t.load(),
            num(t.run().rate()),
            m.map(x -> num(x.run().rate()) + " msgs/s").orElse("–"),
            m.map(x -> ratio(x.run().rate() / t.run().rate())).orElse("–"));
      }
      Optional<Results.Pipeline> pb = pipe(Peer.SMTPMOCK, "rules-baseline");
      Optional<Results.Pipeline> pr = pipe(Peer.SMTPMOCK, "rules200");
      if (pb.isPresent() && pr.isPresent()) {
        p(
            "| pipelined | %s msgs/s | %s msgs/s | %s |",
            num(pb.get().result().rate()),
            num(pr.get().result().rate()),
            ratio(pr.get().result().rate() / pb.get().result().rate()));
      }
      p("");
    }
  }

  // ------------------------------------------------------------------ 6. delay

  private void delay() {
    p("## 6. Fault timing: `delay: 100ms`");
    p("");
    if (r.delay == null) {
      p("Not measured in this run.");
      p("");
      return;
    }
    Results.Delay d = r.delay;
    long[] rt = d.probes().delayed();
    long[] err = errors(d);
    long[] base = d.probes().baseline();
    p(
        "The runner with one rule (`when: rcpt`, `match: '<%s>'`, `delay: 100ms`; file"
            + " `delay100ms.yaml` in the work folder). `dev.smtpmock.bench.DelayProbe` holds %d"
            + " connections in a transaction and times, from the write to the end of the reply,"
            + " alternately an RCPT the rule delays and one it does not (the baseline). %s",
        Scenarios.DELAYED_RECIPIENT,
        d.connections(),
        d.underLoad()
            ? f(
                "Meanwhile `%s` keeps the server busy (%,.0f msgs/s on average while it ran%s).",
                Proc.display(d.loadCommand()).replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT"),
                d.loadRate(),
                d.loadRanThroughout() ? "" : "; it ended before the probes did")
            : "No load ran: smtp-source is not installed.");
    p("");
    p("| | p50 | p99 | max | samples |");
    p("| --- | --- | --- | --- | --- |");
    p(
        "| delayed RCPT round trip | %.2f ms | %.2f ms | %.2f ms | %d |",
        Stats.percentile(rt, 50) / 1e6,
        Stats.percentile(rt, 99) / 1e6,
        Stats.max(rt) / 1e6,
        rt.length);
    p(
        "| **error** (round trip − 100 ms) | **%+.2f ms** | **%+.2f ms** | %+.2f ms | %d |",
        Stats.percentile(err, 50) / 1e6,
        Stats.percentile(err, 99) / 1e6,
        Stats.max(err) / 1e6,
        err.length);
    p(
        "| baseline RCPT round trip (no delay) | %.2f ms | %.2f ms | %.2f ms | %d |",
        Stats.percentile(base, 50) / 1e6,
        Stats.percentile(base, 99) / 1e6,
        Stats.max(base) / 1e6,
        base.length);
    long[] late = d.jdkTimerLateness();
    p(
        "| a plain JDK timer's lateness (100 ms task) | %+.2f ms | %+.2f ms | %+.2f ms | %d |",
        Stats.percentile(late, 50) / 1e6,
        Stats.percentile(late, 99) / 1e6,
        Stats.max(late) / 1e6,
        late.length);
    p("");
    p(
        "The error includes the round trip itself; the baseline row shows what a round trip costs"
            + " under the same load without the delay. The last row is the platform's own floor:"
            + " a `ScheduledThreadPoolExecutor` in the benchmark's JVM, at the same time, timing"
            + " how late a task scheduled 100 ms ahead runs (no sockets involved).");
    List<GcLog.Pause> gc = d.serverGcPauses();
    if (!gc.isEmpty()) {
      double max = gc.stream().mapToDouble(GcLog.Pause::millis).max().orElse(0);
      double total = gc.stream().mapToDouble(GcLog.Pause::millis).sum();
      long over10 = gc.stream().filter(x -> x.millis() >= 10).count();
      p("");
      p(
          "GC in the runner's JVM over this part (warm-up, load and probes; `-Xlog:gc`, the only"
              + " option added to its command here): %d pauses, %d of them ≥ 10 ms, the longest"
              + " %.1f ms, %.0f ms in all. A pause that overlaps a probe adds to its round trip.",
          gc.size(), over10, max, total);
    }
    p("");
  }

  // ------------------------------------------------------------------ problems, reproduce

  private void problems() {
    if (r.problems.isEmpty() && r.notes.isEmpty()) {
      return;
    }
    p("## Problems and notes of this run");
    p("");
    r.problems.forEach(x -> p("- **problem**: %s", x));
    r.notes.forEach(x -> p("- %s", x));
    p("");
  }

  /**
   * The hand-written account of the profiles and the changes they led to, kept in its own file so
   * that a new run does not drop it; its headings go one level down.
   */
  private void changes(Path notes) throws IOException {
    if (!Files.isRegularFile(notes)) {
      return;
    }
    p("## What was changed for speed, and what it bought (from `bench/PERFORMANCE.md`)");
    p("");
    for (String line : Files.readAllLines(notes, StandardCharsets.UTF_8)) {
      if (line.startsWith("# ")) {
        continue;
      }
      p("%s", line.startsWith("#") ? "#" + line : line);
    }
    p("");
  }

  private void reproduce() {
    p("## Reproduce");
    p("");
    p("```bash");
    p("bash .ci/setup/30-postfix.sh   # as root, once: Postfix's smtp-source and smtp-sink only");
    p(
        "bash bench/run.sh              # builds bench and the runner jar, runs everything, writes bench/RESULTS.md");
    p("```");
    p("");
    p(
        "`bash bench/run.sh --only jmh,throughput,pipeline,rules,idle,delay` runs some parts; the"
            + " raw outputs (JMH JSON, every smtp-source and server log) stay in"
            + " `bench/target/bench-full/`. `mvn verify -pl bench -am -Pbench` runs the same"
            + " full run through Maven. The default build runs only the smoke.");
  }
}
