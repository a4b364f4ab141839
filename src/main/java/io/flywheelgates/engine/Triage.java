package io.flywheelgates.engine;

import io.flywheelgates.definition.Definitions;
import io.flywheelgates.definition.PrDefinition;
import io.flywheelgates.definition.Rule;
import io.flywheelgates.definition.Rules;
import io.flywheelgates.facts.FactRequest;
import io.flywheelgates.facts.Facts;
import io.flywheelgates.facts.JobFact;
import io.flywheelgates.facts.RepoFacts;
import io.flywheelgates.facts.RunFact;
import io.flywheelgates.facts.WorkflowFacts;
import io.flywheelgates.verdict.Source;
import io.flywheelgates.verdict.TriageReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Classifies the failures of the workflows the gates read, lane by lane. Pure, like the engine: it
 * also lists the facts it lacked (jobs of runs, logs of failed jobs), so a live source can fetch
 * exactly those.
 */
public final class Triage {
  private static final Set<String> FAILED =
      Set.of("failure", "cancelled", "timed_out", "startup_failure");
  private static final String ALL_LANES = "(every lane)";

  public record Result(TriageReport report, Set<FactRequest> missing) {}

  /**
   * A workflow the gates read, the lanes they name for it, and whether some rule reads it on any
   * job (then a failed job on no named lane is filed under its own first label).
   */
  private static final class Target {
    final String repo;
    final String workflow;
    final Set<String> lanes = new LinkedHashSet<>();
    boolean anyLane;

    Target(String repo, String workflow) {
      this.repo = repo;
      this.workflow = workflow;
    }
  }

  /**
   * @param prIds the PRs whose workflows to triage; empty: all
   * @param repo only this repository, or null
   * @param lastRuns how many of the newest completed default-branch runs to look at per workflow
   */
  public Result triage(
      Definitions definitions,
      Facts facts,
      Instant at,
      Source source,
      List<String> prIds,
      String repo,
      int lastRuns) {
    EvaluationContext context = new EvaluationContext(facts, definitions, at);
    List<TriageReport.Lane> lanes = new ArrayList<>();
    List<TriageReport.Failure> failures = new ArrayList<>();
    List<String> gaps = new ArrayList<>();
    for (Target target : targets(definitions, prIds, repo)) {
      triage(target, context, lastRuns, lanes, failures, gaps);
    }
    return new Result(
        new TriageReport(at, source, lanes, failures, gaps),
        Collections.unmodifiableSet(context.missing));
  }

  private static List<Target> targets(
      Definitions definitions, List<String> prIds, String repoFilter) {
    Map<String, Target> targets = new LinkedHashMap<>();
    for (PrDefinition pr : definitions.prs()) {
      if (!prIds.isEmpty() && !prIds.contains(pr.id())) {
        continue;
      }
      Rules.walk(
          pr,
          rule -> {
            if (rule instanceof Rule.WorkflowRuns runs) {
              add(targets, runs.filter(), runs.lanes(), repoFilter);
            } else if (rule instanceof Rule.SuccessRatio ratio) {
              add(targets, ratio.filter(), ratio.lanes(), repoFilter);
            }
          });
    }
    return List.copyOf(targets.values());
  }

  private static void add(
      Map<String, Target> targets, Rule.RunFilter filter, List<String> lanes, String repoFilter) {
    if (repoFilter != null && !repoFilter.equalsIgnoreCase(filter.repo())) {
      return;
    }
    Target target =
        targets.computeIfAbsent(
            filter.repo() + " " + filter.workflow(),
            key -> new Target(filter.repo(), filter.workflow()));
    target.lanes.addAll(lanes);
    target.anyLane |= lanes.isEmpty();
  }

  private static void triage(
      Target target,
      EvaluationContext context,
      int lastRuns,
      List<TriageReport.Lane> lanes,
      List<TriageReport.Failure> failures,
      List<String> gaps) {
    RepoFacts repo = context.repo(target.repo);
    if (context.unusable(target.repo, repo) != null) {
      gaps.add(repo == null ? "no evidence about " + target.repo : target.repo + " not found");
      return;
    }
    WorkflowFacts workflow = repo.workflow(target.workflow).orElse(null);
    String name = Describe.fileName(target.workflow);
    if (workflow == null) {
      context.missing.add(new FactRequest.Runs(target.repo, target.workflow));
      gaps.add("the runs of " + name + " in " + target.repo + " were not gathered");
      return;
    }
    if (!workflow.found()) {
      gaps.add("workflow " + name + " not found in " + target.repo);
      return;
    }
    Map<String, Map<String, Integer>> byLane = new LinkedHashMap<>();
    target.lanes.forEach(lane -> byLane.put(lane, new LinkedHashMap<>()));
    int looked = 0;
    for (RunFact run : workflow.runs()) {
      if (looked >= lastRuns) {
        break;
      }
      if (!context.isDefaultBranchRun(repo, run)) {
        continue;
      }
      looked++;
      if (run.jobs() == null) {
        context.missing.add(
            new FactRequest.Jobs(target.repo, target.workflow, run.id(), run.runAttempt()));
        gaps.add("the jobs of run " + run.id() + " of " + name + " were not gathered");
        continue;
      }
      if (run.jobs().isEmpty() && FAILED.contains(run.conclusion())) {
        var cause = context.classifier.classifyJobless(run);
        record(failures, byLane, cause, ALL_LANES, target, run, null);
        continue;
      }
      for (JobFact job : run.jobs()) {
        if (!FAILED.contains(job.conclusion())) {
          continue;
        }
        String lane = laneOf(job, target);
        if (lane == null) {
          continue;
        }
        var cause = context.classifier.classify(job);
        if (cause.logMissing()) {
          context.missing.add(
              new FactRequest.Log(target.repo, target.workflow, run.id(), job.id()));
          gaps.add("the log of job " + job.id() + " (run " + run.id() + ") was not gathered");
        }
        record(failures, byLane, cause, lane, target, run, job);
      }
    }
    for (Map.Entry<String, Map<String, Integer>> lane : byLane.entrySet()) {
      lanes.add(
          new TriageReport.Lane(
              target.repo, name, lane.getKey(), looked, Map.copyOf(lane.getValue())));
    }
  }

  /**
   * The lane a failed job ran for: a named lane in its labels; else, when any job counts, its first
   * label.
   */
  private static String laneOf(JobFact job, Target target) {
    String named = target.lanes.stream().filter(job.labels()::contains).findFirst().orElse(null);
    if (named != null || !target.anyLane) {
      return named;
    }
    return job.labels().isEmpty() ? "(no label)" : job.labels().get(0);
  }

  private static void record(
      List<TriageReport.Failure> failures,
      Map<String, Map<String, Integer>> byLane,
      FailureClassifier.Classification cause,
      String lane,
      Target target,
      RunFact run,
      JobFact job) {
    byLane
        .computeIfAbsent(lane, unused -> new LinkedHashMap<>())
        .merge(cause.cause(), 1, Integer::sum);
    failures.add(
        new TriageReport.Failure(
            cause.cause(),
            lane,
            target.repo,
            Describe.fileName(target.workflow),
            run.id(),
            run.htmlUrl(),
            run.createdAt(),
            job == null ? null : job.name(),
            job == null ? run.htmlUrl() : job.htmlUrl(),
            cause.matched()));
  }
}
