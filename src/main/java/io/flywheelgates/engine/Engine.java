package io.flywheelgates.engine;

import io.flywheelgates.definition.Definitions;
import io.flywheelgates.definition.GateType;
import io.flywheelgates.definition.PrDefinition;
import io.flywheelgates.definition.Rule;
import io.flywheelgates.definition.Rules;
import io.flywheelgates.definition.StopCondition;
import io.flywheelgates.facts.FactRequest;
import io.flywheelgates.facts.Facts;
import io.flywheelgates.verdict.CheckResult;
import io.flywheelgates.verdict.Evidence;
import io.flywheelgates.verdict.EvidenceArtifacts;
import io.flywheelgates.verdict.FailureModeNote;
import io.flywheelgates.verdict.GateResult;
import io.flywheelgates.verdict.PrResult;
import io.flywheelgates.verdict.RolloutVerdict;
import io.flywheelgates.verdict.Source;
import io.flywheelgates.verdict.Status;
import io.flywheelgates.verdict.StopResult;
import io.flywheelgates.verdict.Verdict;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The pure evaluation: (definitions, facts, evaluation instant) -> verdict. No I/O, no clock, no
 * logging; the same inputs always give the same verdict.
 */
public final class Engine {
  static final String MINIMUM_EVIDENCE = "minimum-evidence-artifacts";
  private static final List<GateType> GO_GATES =
      List.of(GateType.CODE, GateType.PROOF, GateType.STABILITY);

  /**
   * Evaluates the named PRs (all when {@code requested} is empty) and every PR they depend on; the
   * verdict lists only the named ones.
   *
   * @throws IllegalArgumentException when a requested id is not defined (callers check first, to
   *     say it nicely)
   */
  public RolloutVerdict evaluate(
      Definitions definitions, Facts facts, Instant at, Source source, List<String> requested) {
    return evaluateListingMissing(definitions, facts, at, source, requested).verdict();
  }

  /**
   * A verdict, and the facts it needed and did not have (empty when the facts were complete
   * enough).
   */
  public record Evaluation(RolloutVerdict verdict, Set<FactRequest> missing) {}

  /**
   * Evaluates as {@link #evaluate} does and also lists every fact a rule needed and did not find,
   * so that a live source can fetch exactly those and evaluate again.
   */
  public Evaluation evaluateListingMissing(
      Definitions definitions, Facts facts, Instant at, Source source, List<String> requested) {
    List<String> wanted =
        requested.isEmpty() ? definitions.prs().stream().map(PrDefinition::id).toList() : requested;
    for (String id : wanted) {
      if (definitions.pr(id).isEmpty()) {
        throw new IllegalArgumentException("unknown PR '" + id + "'");
      }
    }
    Set<String> needed = dependencyClosure(definitions, wanted);
    EvaluationContext context = new EvaluationContext(facts, definitions, at);
    RuleEvaluator evaluator = new RuleEvaluator(context);
    for (PrDefinition pr : definitions.prs()) {
      if (needed.contains(pr.id())) {
        context.evaluated.put(pr.id(), evaluatePr(pr, definitions, context, evaluator));
      }
    }
    List<PrResult> results = wanted.stream().distinct().map(context.evaluated::get).toList();
    Verdict overall = Verdict.GO;
    for (PrResult result : results) {
      overall = overall.worse(result.verdict());
    }
    return new Evaluation(
        new RolloutVerdict(at, source, overall, results),
        java.util.Collections.unmodifiableSet(context.missing));
  }

  /**
   * The PRs whose verdicts the wanted ones read: what they wait for, whose gates they read, whose
   * stops block them.
   */
  private static Set<String> dependencyClosure(Definitions definitions, List<String> wanted) {
    Set<String> needed = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>(wanted);
    while (!queue.isEmpty()) {
      String id = queue.pop();
      if (!needed.add(id)) {
        continue;
      }
      PrDefinition pr = definitions.pr(id).orElseThrow();
      queue.addAll(pr.after());
      Rules.walk(
          pr,
          rule -> {
            if (rule instanceof Rule.GateStatus status) {
              queue.add(status.pr());
            }
            if (rule instanceof Rule.CountedReposStable) {
              // Reads the stability gates of the PRs on every repo it may count.
              definitions.prs().stream()
                  .filter(other -> !other.id().equals(pr.id()))
                  .forEach(other -> queue.add(other.id()));
            }
          });
      for (PrDefinition other : definitions.prs()) {
        if (other.stopConditions().stream().anyMatch(stop -> stop.blocks().contains(id))) {
          queue.add(other.id());
        }
      }
    }
    return needed;
  }

  private PrResult evaluatePr(
      PrDefinition pr,
      Definitions definitions,
      EvaluationContext context,
      RuleEvaluator evaluator) {
    List<GateResult> gates = new ArrayList<>();
    for (GateType type : GO_GATES) {
      List<CheckResult> checks = pr.rules(type).stream().map(evaluator::check).toList();
      gates.add(
          new GateResult(
              type.key(), Status.worst(checks.stream().map(CheckResult::status).toList()), checks));
    }
    List<StopResult> stops =
        pr.stopConditions().stream().map(stop -> stop(stop, evaluator)).toList();
    EvidenceArtifacts artifacts = artifacts(pr, gates, context, evaluator);
    boolean readyToReport = gates.stream().allMatch(gate -> gate.status() == Status.PASS);
    GateResult reporting = reporting(pr, readyToReport, artifacts, evaluator);
    gates.add(reporting);

    List<String> blockedBy = new ArrayList<>();
    List<String> blockReasons = new ArrayList<>();
    for (String after : pr.after()) {
      PrResult earlier = context.evaluated.get(after);
      if (earlier.verdict() != Verdict.GO) {
        blockedBy.add(after);
        blockReasons.add("waits for " + after + " (" + earlier.verdict() + ")");
      }
    }
    for (PrResult earlier : context.evaluated.values()) {
      for (StopResult stop : earlier.stopConditions()) {
        if (stop.triggered() && stop.blocks().contains(pr.id())) {
          if (!blockedBy.contains(earlier.id())) {
            blockedBy.add(earlier.id());
          }
          blockReasons.add("stopped by " + earlier.id() + "'s stop condition '" + stop.id() + "'");
        }
      }
    }

    Verdict verdict;
    String reason;
    StopResult fired = stops.stream().filter(StopResult::triggered).findFirst().orElse(null);
    StopResult undecided =
        stops.stream()
            .filter(s -> s.state() == StopResult.State.UNDECIDED)
            .findFirst()
            .orElse(null);
    CheckResult firstError = firstWith(gates.subList(0, 3), Status.ERROR);
    if (fired != null) {
      verdict = Verdict.STOP;
      reason = "stop condition '" + fired.id() + "' fired: " + fired.summary();
    } else if (firstError != null || undecided != null) {
      verdict = Verdict.INCONCLUSIVE;
      reason =
          firstError != null
              ? "check '" + firstError.id() + "' could not be decided: " + firstError.summary()
              : "stop condition '"
                  + undecided.id()
                  + "' could not be decided: "
                  + undecided.summary();
    } else if (!blockedBy.isEmpty()) {
      verdict = Verdict.BLOCKED;
      reason = String.join("; ", blockReasons);
    } else if (readyToReport) {
      verdict = Verdict.GO;
      reason =
          "code, proof and stability pass; "
              + (reporting.status() == Status.PASS
                  ? "citable"
                  : "not yet citable: " + firstNeeds(List.of(reporting)));
    } else {
      verdict = Verdict.NO_GO;
      reason = firstNeeds(gates.subList(0, 3));
    }
    boolean citable = verdict == Verdict.GO && reporting.status() == Status.PASS;
    List<FailureModeNote> modes = new ArrayList<>();
    for (String id : pr.failureModes()) {
      definitions
          .rollout()
          .failureMode(id)
          .ifPresent(
              mode ->
                  modes.add(
                      new FailureModeNote(
                          mode.id(),
                          mode.name(),
                          mode.noteRef(),
                          mode.interpretation(),
                          mode.response())));
    }
    return new PrResult(
        pr.id(),
        pr.title(),
        pr.repo(),
        verdict,
        reason,
        blockedBy,
        citable,
        gates,
        stops,
        pr.rollback(),
        modes,
        artifacts);
  }

  private static CheckResult firstWith(List<GateResult> gates, Status status) {
    for (GateResult gate : gates) {
      for (CheckResult check : gate.checks()) {
        if (check.status() == status) {
          return check;
        }
      }
    }
    return null;
  }

  /**
   * The first thing standing in the way, gate by gate: "stability gate PENDING: needs 1 more ...".
   */
  private static String firstNeeds(List<GateResult> gates) {
    for (GateResult gate : gates) {
      for (CheckResult check : gate.checks()) {
        if (check.status() != Status.PASS) {
          String what = check.needs() != null ? check.needs() : check.summary();
          return gate.type() + " gate " + gate.status() + ": " + what;
        }
      }
    }
    return "every gate passes";
  }

  private static StopResult stop(StopCondition stop, RuleEvaluator evaluator) {
    Finding finding = evaluator.evaluate(stop.when());
    StopResult.State state =
        switch (finding.status()) {
          case PASS -> StopResult.State.TRIGGERED;
          case ERROR -> StopResult.State.UNDECIDED;
          default -> StopResult.State.CLEAR;
        };
    return new StopResult(
        stop.id(),
        stop.describe(),
        state,
        finding.summary(),
        state == StopResult.State.TRIGGERED ? null : finding.needs(),
        finding.evidence(),
        stop.blocks(),
        stop.response(),
        stop.failureModes());
  }

  /**
   * The note's three minimum artifacts, each taken from what the checks found, or null when
   * missing.
   */
  private static EvidenceArtifacts artifacts(
      PrDefinition pr, List<GateResult> gates, EvaluationContext context, RuleEvaluator evaluator) {
    String mergedPr = null;
    if (pr.pullRequest() != null) {
      var merged = PullRequests.resolve(pr.pullRequest(), context).merged();
      mergedPr = merged == null ? null : merged.htmlUrl();
    }
    String successfulRun = null;
    for (GateResult gate : gates) {
      for (CheckResult check : gate.checks()) {
        if (successfulRun != null || check.status() != Status.PASS) {
          continue;
        }
        for (Evidence evidence : check.evidence()) {
          // The note asks for a successful workflow run: the whole run, not only the lane job that
          // was counted.
          if (evidence.kind().equals("run")
              && "success".equals(evidence.attribute("run_conclusion"))) {
            successfulRun = evidence.url();
            break;
          }
        }
      }
    }
    String row = null;
    if (pr.classificationRow() != null) {
      Finding found = evaluator.evaluate(pr.classificationRow());
      if (found.status() == Status.PASS && !found.evidence().isEmpty()) {
        row = found.evidence().get(0).url();
      }
    }
    return new EvidenceArtifacts(mergedPr, successfulRun, row);
  }

  /**
   * The reporting gate waits until code, proof and stability pass; then its rules and the three
   * artifacts decide.
   */
  private static GateResult reporting(
      PrDefinition pr, boolean ready, EvidenceArtifacts artifacts, RuleEvaluator evaluator) {
    if (!ready) {
      List<CheckResult> waiting = new ArrayList<>();
      for (Rule rule : pr.rules(GateType.REPORTING)) {
        waiting.add(
            new CheckResult(
                rule.id(),
                rule.describe(),
                Status.WAITING,
                "waits for the code, proof and stability gates",
                "code, proof and stability gates to pass",
                false,
                List.of()));
      }
      waiting.add(
          new CheckResult(
              MINIMUM_EVIDENCE,
              "the note's minimum evidence artifacts",
              Status.WAITING,
              "waits for the code, proof and stability gates",
              "code, proof and stability gates to pass",
              false,
              List.of()));
      return new GateResult(GateType.REPORTING.key(), Status.WAITING, waiting);
    }
    List<CheckResult> checks =
        new ArrayList<>(pr.rules(GateType.REPORTING).stream().map(evaluator::check).toList());
    List<String> missing = artifacts.missing();
    List<Evidence> present = new ArrayList<>();
    if (artifacts.mergedPr() != null) {
      present.add(Evidence.of("merged_pr", artifacts.mergedPr()).build());
    }
    if (artifacts.successfulRun() != null) {
      present.add(Evidence.of("successful_run", artifacts.successfulRun()).build());
    }
    if (artifacts.classificationRow() != null) {
      present.add(Evidence.of("classification_row", artifacts.classificationRow()).build());
    }
    checks.add(
        new CheckResult(
            MINIMUM_EVIDENCE,
            "the note's minimum evidence artifacts",
            missing.isEmpty() ? Status.PASS : Status.FAIL,
            missing.isEmpty()
                ? "merged PR, successful run and classification row all present"
                : "missing " + String.join(", ", missing),
            missing.isEmpty() ? null : String.join(", ", missing),
            false,
            present));
    return new GateResult(
        GateType.REPORTING.key(),
        Status.worst(checks.stream().map(CheckResult::status).toList()),
        checks);
  }
}
