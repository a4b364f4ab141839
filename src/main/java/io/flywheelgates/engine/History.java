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
import io.flywheelgates.verdict.HistoryReport;
import io.flywheelgates.verdict.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A PR's lanes over time: the newest default-branch runs of each workflow its gates count, lane by
 * lane, with each failure's cause. Pure like the engine, and like it lists the facts it lacked
 * (jobs, logs).
 */
public final class History {
  private static final Set<String> FAILED =
      Set.of("failure", "cancelled", "timed_out", "startup_failure");

  public record Result(HistoryReport report, Set<FactRequest> missing) {}

  public Result history(
      Definitions definitions,
      Facts facts,
      Instant at,
      Source source,
      String prId,
      String onlyLane,
      int last) {
    PrDefinition pr =
        definitions
            .pr(prId)
            .orElseThrow(() -> new IllegalArgumentException("unknown PR '" + prId + "'"));
    EvaluationContext context = new EvaluationContext(facts, definitions, at);
    Map<String, Set<String>> lanesByWorkflow = new LinkedHashMap<>();
    Rules.walk(
        pr,
        rule -> {
          if (rule instanceof Rule.WorkflowRuns runs && !runs.lanes().isEmpty()) {
            lanesByWorkflow
                .computeIfAbsent(
                    runs.filter().repo() + " " + runs.filter().workflow(),
                    key -> new LinkedHashSet<>())
                .addAll(runs.lanes());
          }
        });
    List<HistoryReport.Lane> lanes = new ArrayList<>();
    List<String> gaps = new ArrayList<>();
    for (Map.Entry<String, Set<String>> entry : lanesByWorkflow.entrySet()) {
      String[] key = entry.getKey().split(" ", 2);
      for (String lane : entry.getValue()) {
        if (onlyLane == null || onlyLane.equals(lane)) {
          HistoryReport.Lane history = lane(context, key[0], key[1], lane, last, gaps);
          if (history != null) {
            lanes.add(history);
          }
        }
      }
    }
    return new Result(
        new HistoryReport(at, source, prId, lanes, gaps),
        Collections.unmodifiableSet(context.missing));
  }

  private static HistoryReport.Lane lane(
      EvaluationContext context,
      String repoName,
      String path,
      String lane,
      int last,
      List<String> gaps) {
    RepoFacts repo = context.repo(repoName);
    if (context.unusable(repoName, repo) != null) {
      gaps.add(repo == null ? "no evidence about " + repoName : repoName + " not found");
      return null;
    }
    WorkflowFacts workflow = repo.workflow(path).orElse(null);
    String name = Describe.fileName(path);
    if (workflow == null) {
      context.missing.add(new FactRequest.Runs(repoName, path));
      gaps.add("the runs of " + name + " in " + repoName + " were not gathered");
      return null;
    }
    List<HistoryReport.Run> newestFirst = new ArrayList<>();
    for (RunFact run : workflow.runs()) {
      if (newestFirst.size() >= last) {
        break;
      }
      if (!context.isDefaultBranchRun(repo, run)) {
        continue;
      }
      if (run.jobs() == null) {
        context.missing.add(new FactRequest.Jobs(repoName, path, run.id(), run.runAttempt()));
        gaps.add("the jobs of run " + run.id() + " were not gathered");
        continue;
      }
      newestFirst.add(outcome(context, repoName, path, run, lane, gaps));
    }
    List<HistoryReport.Run> oldestFirst = new ArrayList<>(newestFirst);
    Collections.reverse(oldestFirst);
    return new HistoryReport.Lane(repoName, name, lane, oldestFirst, streak(newestFirst));
  }

  private static HistoryReport.Run outcome(
      EvaluationContext context,
      String repo,
      String path,
      RunFact run,
      String lane,
      List<String> gaps) {
    if (run.jobs().isEmpty() && FAILED.contains(run.conclusion())) {
      var cause = context.classifier.classifyJobless(run);
      return new HistoryReport.Run(
          run.id(), run.createdAt(), run.htmlUrl(), "failure", cause.cause(), cause.matched());
    }
    List<JobFact> jobs = run.jobs().stream().filter(job -> job.labels().contains(lane)).toList();
    if (jobs.stream().anyMatch(job -> "success".equals(job.conclusion()))) {
      return new HistoryReport.Run(run.id(), run.createdAt(), run.htmlUrl(), "success", null, null);
    }
    JobFact failed =
        jobs.stream().filter(job -> FAILED.contains(job.conclusion())).findFirst().orElse(null);
    if (failed == null) {
      return new HistoryReport.Run(run.id(), run.createdAt(), run.htmlUrl(), "none", null, null);
    }
    var cause = context.classifier.classify(failed);
    if (cause.logMissing()) {
      context.missing.add(new FactRequest.Log(repo, path, run.id(), failed.id()));
      gaps.add("the log of job " + failed.id() + " (run " + run.id() + ") was not gathered");
    }
    return new HistoryReport.Run(
        run.id(), run.createdAt(), failed.htmlUrl(), "failure", cause.cause(), cause.matched());
  }

  /**
   * The newest unbroken stretch of successes or failures; runs with no lane job neither extend nor
   * break it.
   */
  private static HistoryReport.Streak streak(List<HistoryReport.Run> newestFirst) {
    String outcome = null;
    int length = 0;
    Map<String, Integer> causes = new LinkedHashMap<>();
    for (HistoryReport.Run run : newestFirst) {
      if (run.outcome().equals("none")) {
        continue;
      }
      if (outcome == null) {
        outcome = run.outcome();
      } else if (!outcome.equals(run.outcome())) {
        break;
      }
      length++;
      if (run.cause() != null) {
        causes.merge(run.cause(), 1, Integer::sum);
      }
    }
    return new HistoryReport.Streak(outcome == null ? "none" : outcome, length, Map.copyOf(causes));
  }
}
