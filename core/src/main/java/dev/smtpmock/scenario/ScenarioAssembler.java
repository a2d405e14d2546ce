package dev.smtpmock.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a {@link Scenario} from its parts, for both front doors: merges the base of {@code extends}
 * (SPEC 2.9), checks what spans rules (duplicate names, rules that can never match) and gathers the
 * warnings (SPEC 2.10).
 */
final class ScenarioAssembler {
  /** The name of a builder-made scenario that was given none. */
  static final String DEFAULT_NAME = "custom";

  private ScenarioAssembler() {}

  static Scenario assemble(
      String name,
      String description,
      ServerSettings server,
      List<Rule> rules,
      String extendsReference,
      Path baseDirectory,
      SourceMap sourceMap) {
    List<ScenarioProblem> problems = new ArrayList<>();
    Scenario base =
        extendsReference == null
            ? null
            : base(extendsReference, baseDirectory, sourceMap, problems);
    List<Rule> merged = new ArrayList<>(rules);
    if (base != null) {
      merged.addAll(base.rules());
      problems.addAll(base.warnings());
    }
    ServerSettings mergedServer = base == null ? server : server.mergedOver(base.server());
    duplicateNames(merged, rules.size(), sourceMap, problems);
    tlsFailureOnConnect(rules, mergedServer, sourceMap, problems);
    deliveryWithoutLmtp(rules, mergedServer, sourceMap, problems);
    for (Rule rule : rules) {
      for (RuleChecks.Problem p : RuleChecks.warnings(rule)) {
        problems.add(
            sourceMap.atRule(rule, p.key(), ScenarioProblem.Severity.WARNING, p.message()));
      }
    }
    unreachable(merged, rules.size(), sourceMap, problems);
    List<ScenarioProblem> sorted = SourceMap.sorted(problems, sourceMap.source());
    if (sorted.stream().anyMatch(p -> p.severity() == ScenarioProblem.Severity.ERROR)) {
      throw new InvalidScenarioException(sorted);
    }
    return Scenario.create(
        name != null ? name : DEFAULT_NAME, description, mergedServer, merged, sorted);
  }

  private static Scenario base(
      String reference, Path directory, SourceMap sourceMap, List<ScenarioProblem> problems) {
    try {
      return ScenarioLoader.resolve(reference, directory);
    } catch (ReferenceException e) {
      problems.add(sourceMap.atExtends(ScenarioProblem.Severity.ERROR, e.getMessage()));
    } catch (InvalidScenarioException e) {
      problems.add(
          sourceMap.atExtends(
              ScenarioProblem.Severity.ERROR,
              "the base scenario '" + reference + "' has errors, listed after this file's"));
      problems.addAll(e.problems());
    }
    return null;
  }

  /** Names are unique across the merged list, since stats and transcripts show them. */
  private static void duplicateNames(
      List<Rule> merged, int own, SourceMap sourceMap, List<ScenarioProblem> problems) {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < merged.size(); i++) {
      String name = merged.get(i).name();
      Integer earlier = name == null ? null : first.putIfAbsent(name, i);
      if (earlier == null) {
        continue;
      }
      // a base can't hold a duplicate of its own, so one of the two rules is this file's
      boolean laterIsOwn = i < own;
      Rule reported = merged.get(laterIsOwn ? i : earlier);
      int other = laterIsOwn ? earlier : i;
      problems.add(
          sourceMap.atRule(
              reported,
              "name",
              ScenarioProblem.Severity.ERROR,
              "duplicate rule name '"
                  + name
                  + "': "
                  + label(merged, other, sourceMap)
                  + (laterIsOwn ? "" : " of the base scenario")
                  + (merged.get(other).location() != null
                      ? " (" + merged.get(other).location() + ")"
                      : "")
                  + " has it too"));
    }
  }

  /** A plaintext listener has no handshake at connect for tls-failure to break (SPEC 2.6). */
  private static void tlsFailureOnConnect(
      List<Rule> own, ServerSettings server, SourceMap sourceMap, List<ScenarioProblem> problems) {
    if (server.tls().implicit()) {
      return;
    }
    for (Rule rule : own) {
      if (rule.failsTlsAtAccept()) {
        problems.add(
            sourceMap.atRule(
                rule,
                "fault",
                ScenarioProblem.Severity.ERROR,
                "tls-failure on connect needs tls.implicit: true: a plaintext listener has no"
                    + " handshake at connect"));
      }
    }
  }

  /** Only an LMTP server answers each recipient at the end of the data (SPEC 8). */
  private static void deliveryWithoutLmtp(
      List<Rule> own, ServerSettings server, SourceMap sourceMap, List<ScenarioProblem> problems) {
    if (server.protocol() == Protocol.LMTP) {
      return;
    }
    for (Rule rule : own) {
      if (rule.matching().on(Event.DELIVERY)) {
        problems.add(
            sourceMap.atRule(
                rule,
                "when",
                ScenarioProblem.Severity.ERROR,
                "when: delivery needs server.protocol: lmtp: an SMTP server answers the end of"
                    + " the data once for all recipients; use when: message"));
      }
    }
  }

  /** Warns of a rule that an earlier rule without matchers always takes first (SPEC 2.10). */
  private static void unreachable(
      List<Rule> merged, int own, SourceMap sourceMap, List<ScenarioProblem> problems) {
    for (int n = 0; n < merged.size(); n++) {
      for (int m = 0; m < n; m++) {
        if (m >= own || !takesAll(merged.get(m).matching(), merged.get(n).matching())) {
          continue;
        }
        // the base has warned about its own rules; report where this file can fix it
        Rule at = merged.get(n < own ? n : m);
        problems.add(
            sourceMap.atRule(
                at,
                null,
                ScenarioProblem.Severity.WARNING,
                label(merged, n, sourceMap)
                    + " can never match because "
                    + label(merged, m, sourceMap)
                    + " (no matchers) takes the same events earlier"));
        break;
      }
    }
  }

  private static boolean takesAll(Matching earlier, Matching later) {
    if (hasMatchers(earlier) || (earlier.afterBytes() == null) != (later.afterBytes() == null)) {
      // after-bytes rules strike mid-data, end-of-data rules after it: neither hides the other
      return false;
    }
    if (earlier.afterBytes() != null && earlier.afterBytes() > later.afterBytes()) {
      return false;
    }
    return later.events().stream().allMatch(e -> covers(earlier, e));
  }

  private static boolean covers(Matching matching, Event event) {
    return matching.on(event)
        || (matching.on(Event.ANY)
            && event != Event.CONNECT
            && event != Event.MESSAGE
            && event != Event.DELIVERY
            && event != Event.ANY);
  }

  private static boolean hasMatchers(Matching r) {
    return r.nth() != null
        || r.after() != null
        || r.rate() != null
        || !r.connections().isEmpty()
        || r.times() != null
        || r.match() != null
        || !r.headers().isEmpty()
        || r.body() != null
        || r.minSize() != null
        || r.probability() != null
        || r.tls() != null
        || r.authenticated() != null
        // per: transaction ignores the occurrences outside a transaction
        || (r.per() == Scope.TRANSACTION && !RuleChecks.TRANSACTION_EVENTS.containsAll(r.events()));
  }

  private static String label(List<Rule> rules, int index, SourceMap sourceMap) {
    Rule rule = rules.get(index);
    return "rule "
        + sourceMap.ruleNumber(index)
        + (rule.name() != null ? " '" + rule.name() + "'" : "");
  }
}
