package io.flywheelgates.engine;

import io.flywheelgates.definition.Rule;
import io.flywheelgates.definition.Since;
import io.flywheelgates.facts.FactRequest;
import io.flywheelgates.facts.JobFact;
import io.flywheelgates.facts.RepoFacts;
import io.flywheelgates.facts.RunFact;
import io.flywheelgates.facts.WorkflowFacts;
import io.flywheelgates.verdict.Evidence;
import io.flywheelgates.verdict.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules over workflow runs. A run counts only when its branch, event and time match; a lane
 * counts only through a job whose {@code runs-on} labels contain the lane exactly and whose own
 * conclusion says so.
 */
final class RunRules {
  private static final Set<String> FAILED =
      Set.of("failure", "cancelled", "timed_out", "startup_failure");

  /** Stands for "the run as a whole" when a rule names no lanes. */
  private static final String ANY_LANE = "";

  private final EvaluationContext context;

  RunRules(EvaluationContext context) {
    this.context = context;
  }

  /**
   * The runs a filter admits, newest first, and what was seen but left out, so a rule that matched
   * nothing says why.
   */
  private record Selection(
      List<RunFact> runs,
      String workflowName,
      String scope,
      int otherBranch,
      int otherEvent,
      int outsideTime) {

    String noneMatched() {
      return "no run of "
          + workflowName
          + " matched ("
          + scope
          + "); left out: "
          + otherBranch
          + " on other branches, "
          + otherEvent
          + " by other events, "
          + outsideTime
          + " outside the time window";
    }
  }

  /** Either a selection or the finding that ends the rule before anything is counted. */
  private record Selected(Selection selection, Finding blocker) {}

  private Selected select(Rule.RunFilter filter) {
    RepoFacts repo = context.repo(filter.repo());
    Finding unusable = context.unusable(filter.repo(), repo);
    if (unusable != null) {
      if (repo == null) {
        // The run list does not depend on the repo's metadata: ask for both at once, a round
        // sooner.
        context.missing.add(new FactRequest.Runs(filter.repo(), filter.workflow()));
      }
      return new Selected(null, unusable);
    }
    // "scheduling-kit/ci.yml": one rule may read several repos' ci.yml, so the repo is part of the
    // name.
    String name =
        filter.repo().substring(filter.repo().indexOf('/') + 1)
            + "/"
            + Describe.fileName(filter.workflow());
    WorkflowFacts workflow = repo.workflow(filter.workflow()).orElse(null);
    if (workflow == null) {
      context.missing.add(new FactRequest.Runs(filter.repo(), filter.workflow()));
      return new Selected(
          null,
          Finding.error(
              "the runs of "
                  + Describe.fileName(filter.workflow())
                  + " in "
                  + filter.repo()
                  + " were not gathered",
              "the runs of " + filter.workflow() + " in " + filter.repo()));
    }
    if (!workflow.found()) {
      return new Selected(
          null,
          Finding.fail(
              "workflow " + Describe.fileName(filter.workflow()) + " not found in " + filter.repo(),
              filter.workflow() + " on the default branch of " + filter.repo(),
              List.of()));
    }
    Instant since = null;
    if (filter.since() instanceof Since.At at) {
      since = at.instant();
    } else if (filter.since() instanceof Since.MergeOf mergeOf) {
      PullRequests.Resolution merge = PullRequests.resolve(mergeOf.pullRequest(), context);
      if (merge.merged() == null) {
        Finding why = merge.finding();
        return new Selected(
            null,
            new Finding(
                why.status(),
                "counts runs after " + mergeOf.pullRequest() + " merges: " + why.summary(),
                why.needs(),
                false,
                why.evidence()));
      }
      since = merge.merged().mergedAt();
    }
    String branch = filter.branch() != null ? filter.branch() : context.defaultBranch(repo);
    String scope =
        (filter.branch() == null ? "default branch " : "branch ")
            + branch
            + ", "
            + Describe.events(filter.events())
            + (since != null ? ", since " + Describe.time(since) : "");
    List<RunFact> runs = new ArrayList<>();
    int otherBranch = 0;
    int otherEvent = 0;
    int outsideTime = 0;
    for (RunFact run : workflow.runs()) {
      if (!branch.equals(run.headBranch())) {
        otherBranch++;
      } else if (!filter.events().isEmpty() && !filter.events().contains(run.event())) {
        otherEvent++;
      } else if (run.createdAt() == null
          || run.createdAt().isAfter(context.at)
          || (since != null && run.createdAt().isBefore(since))) {
        outsideTime++;
      } else {
        runs.add(run);
      }
    }
    return new Selected(
        new Selection(runs, name, scope, otherBranch, otherEvent, outsideTime), null);
  }

  private static List<String> lanesOf(List<String> lanes) {
    return lanes.isEmpty() ? List.of(ANY_LANE) : lanes;
  }

  private static String onLane(String lane) {
    return lane.equals(ANY_LANE) ? "" : " on " + lane;
  }

  private static List<JobFact> laneJobs(RunFact run, String lane) {
    List<JobFact> jobs = new ArrayList<>();
    for (JobFact job : run.jobs()) {
      if (lane.equals(ANY_LANE) || job.labels().contains(lane)) {
        jobs.add(job);
      }
    }
    return jobs;
  }

  /** At least {@code count} distinct successful runs per lane. */
  Finding successes(Rule.WorkflowRuns rule) {
    Selected selected = select(rule.filter());
    if (selected.blocker() != null) {
      return selected.blocker();
    }
    Selection selection = selected.selection();
    String runKind =
        rule.filter().branch() == null
            ? "default-branch run"
            : "run of branch " + rule.filter().branch();
    List<String> lanes = lanesOf(rule.lanes());
    Map<String, List<Evidence>> counted = new LinkedHashMap<>();
    Map<String, Integer> failures = new LinkedHashMap<>();
    Map<String, Long> jobsUnknown = new LinkedHashMap<>();
    Map<String, Integer> jobsAsked = new LinkedHashMap<>();
    Map<String, Integer> laneJobsSeen = new LinkedHashMap<>();
    for (String lane : lanes) {
      counted.put(lane, new ArrayList<>());
      failures.put(lane, 0);
      laneJobsSeen.put(lane, 0);
    }
    for (RunFact run : selection.runs()) {
      if (!run.isCompleted()) {
        continue;
      }
      boolean allSatisfied = true;
      for (String lane : lanes) {
        List<Evidence> laneRuns = counted.get(lane);
        if (laneRuns.size() >= rule.count()) {
          continue;
        }
        allSatisfied = false;
        if (lane.equals(ANY_LANE)) {
          if ("success".equals(run.conclusion())) {
            laneRuns.add(runEvidence(run, null, lane).build());
          } else if (FAILED.contains(run.conclusion())) {
            failures.merge(lane, 1, Integer::sum);
          }
          continue;
        }
        if (run.jobs() == null) {
          // Ask for no more runs' jobs than could complete the count.
          if (jobsAsked.merge(lane, 1, Integer::sum) <= rule.count() - laneRuns.size()) {
            context.missing.add(
                new FactRequest.Jobs(
                    rule.filter().repo(), rule.filter().workflow(), run.id(), run.runAttempt()));
          }
          jobsUnknown.putIfAbsent(lane, run.id());
          continue;
        }
        List<JobFact> jobs = laneJobs(run, lane);
        laneJobsSeen.merge(lane, jobs.isEmpty() ? 0 : 1, Integer::sum);
        JobFact succeeded =
            jobs.stream()
                .filter(job -> "success".equals(job.conclusion()))
                .findFirst()
                .orElse(null);
        if (succeeded != null) {
          laneRuns.add(runEvidence(run, succeeded, lane).build());
        } else if (jobs.stream().anyMatch(job -> FAILED.contains(job.conclusion()))) {
          failures.merge(lane, 1, Integer::sum);
        }
      }
      if (allSatisfied) {
        break;
      }
    }

    List<Evidence> evidence = new ArrayList<>();
    counted.values().forEach(evidence::addAll);
    if (selection.runs().isEmpty()) {
      return Finding.pending(
          selection.noneMatched(),
          "needs "
              + rule.count()
              + " successful "
              + runKind
              + (rule.count() == 1 ? "" : "s")
              + (rule.lanes().isEmpty() ? "" : " on each of " + String.join(", ", rule.lanes()))
              + " of "
              + selection.workflowName(),
          List.of());
    }
    List<String> tallies = new ArrayList<>();
    List<String> needs = new ArrayList<>();
    Status status = Status.PASS;
    for (String lane : lanes) {
      int have = counted.get(lane).size();
      String tally =
          (lane.equals(ANY_LANE) ? "successful runs" : lane) + " " + have + "/" + rule.count();
      if (!lane.equals(ANY_LANE)
          && laneJobsSeen.get(lane) == 0
          && have == 0
          && !jobsUnknown.containsKey(lane)) {
        tally += " (no job on this lane in " + Describe.runs(selection.runs().size()) + ")";
      }
      tallies.add(tally);
      if (have >= rule.count()) {
        continue;
      }
      int missing = rule.count() - have;
      needs.add(
          "needs "
              + missing
              + " more successful "
              + runKind
              + (missing == 1 ? "" : "s")
              + onLane(lane));
      if (jobsUnknown.containsKey(lane)) {
        status = status.worse(Status.ERROR);
        tallies.set(
            tallies.size() - 1,
            tally + " (jobs of run " + jobsUnknown.get(lane) + " not gathered)");
      } else {
        status = status.worse(failures.get(lane) > 0 ? Status.FAIL : Status.PENDING);
        if (failures.get(lane) > 0) {
          tallies.set(tallies.size() - 1, tally + ", " + failures.get(lane) + " failed");
        }
      }
    }
    String summary =
        selection.workflowName() + " (" + selection.scope() + "): " + String.join(", ", tallies);
    return new Finding(
        status, summary, needs.isEmpty() ? null : String.join("; ", needs), false, evidence);
  }

  /**
   * Whether some lane's newest {@code count} completed runs all failed, each for one of the named
   * causes (any cause when none are named). A success, or a failure for another cause, ends the
   * streak.
   */
  Finding failureStreak(Rule.WorkflowRuns rule) {
    Selected selected = select(rule.filter());
    if (selected.blocker() != null) {
      return selected.blocker().status() == Status.PENDING
          ? Finding.fail(selected.blocker().summary(), null, selected.blocker().evidence())
          : selected.blocker();
    }
    Selection selection = selected.selection();
    String causes =
        rule.causes().isEmpty()
            ? "any cause"
            : String.join(", ", rule.causes().stream().sorted().toList());
    List<String> lanes = lanesOf(rule.lanes());
    List<String> undecided = new ArrayList<>();
    String nearestLane = null;
    List<Evidence> nearest = List.of();
    for (String lane : lanes) {
      List<Evidence> streak = new ArrayList<>();
      String undecidedWhy = null;
      List<RunFact> runs = selection.runs();
      for (int index = 0; index < runs.size(); index++) {
        RunFact run = runs.get(index);
        if (!run.isCompleted()) {
          continue;
        }
        FailureClassifier.Classification cause;
        JobFact failedJob = null;
        if (run.jobs() == null) {
          requestJobs(rule.filter(), runs, index, rule.count() - streak.size());
          undecidedWhy = lane + ": the jobs of run " + run.id() + " were not gathered";
          break;
        } else if (run.jobs().isEmpty()) {
          if (!FAILED.contains(run.conclusion())) {
            continue;
          }
          cause = context.classifier.classifyJobless(run);
        } else {
          List<JobFact> jobs = laneJobs(run, lane);
          if (jobs.stream().anyMatch(job -> "success".equals(job.conclusion()))) {
            break;
          }
          failedJob =
              jobs.stream()
                  .filter(job -> FAILED.contains(job.conclusion()))
                  .findFirst()
                  .orElse(null);
          if (failedJob == null) {
            continue;
          }
          cause = context.classifier.classify(failedJob);
        }
        if (rule.causes().isEmpty() || rule.causes().contains(cause.cause())) {
          streak.add(
              runEvidence(run, failedJob, lane)
                  .with("cause", cause.cause())
                  .with("matched", cause.matched())
                  .build());
          if (streak.size() >= rule.count()) {
            break;
          }
        } else {
          if (cause.logMissing()) {
            context.missing.add(
                new FactRequest.Log(
                    rule.filter().repo(), rule.filter().workflow(), run.id(), failedJob.id()));
            undecidedWhy =
                lane + ": cannot tell why job " + failedJob.id() + " failed: " + cause.matched();
          }
          break;
        }
      }
      if (streak.size() >= rule.count()) {
        return Finding.pass(
            (lane.equals(ANY_LANE) ? selection.workflowName() : lane)
                + " failed "
                + streak.size()
                + " times in a row ("
                + selection.scope()
                + "), newest first: "
                + causesOf(streak),
            streak);
      }
      if (undecidedWhy != null) {
        undecided.add(undecidedWhy);
      }
      if (nearestLane == null || streak.size() > nearest.size()) {
        nearestLane = lane;
        nearest = streak;
      }
    }
    if (!undecided.isEmpty()) {
      return Finding.error(String.join("; ", undecided), "the jobs and logs of those runs");
    }
    String where = nearestLane.equals(ANY_LANE) ? selection.workflowName() : nearestLane;
    String summary =
        selection.runs().isEmpty()
            ? selection.noneMatched()
            : "no lane has "
                + rule.count()
                + " consecutive failures from "
                + causes
                + "; nearest: "
                + where
                + " "
                + nearest.size()
                + " of "
                + rule.count()
                + (nearest.isEmpty() ? "" : " (" + causesOf(nearest) + ")");
    int more = rule.count() - nearest.size();
    return Finding.fail(
        summary,
        more
            + " more consecutive failure"
            + (more == 1 ? "" : "s")
            + " from "
            + causes
            + onLane(nearestLane)
            + " would fire it",
        nearest);
  }

  /** The share of successes among the newest {@code last} completed runs, per lane. */
  Finding successRatio(Rule.SuccessRatio rule) {
    Selected selected = select(rule.filter());
    if (selected.blocker() != null) {
      return selected.blocker();
    }
    Selection selection = selected.selection();
    List<String> tallies = new ArrayList<>();
    List<String> needs = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    Status status = Status.PASS;
    for (String lane : lanesOf(rule.lanes())) {
      int successes = 0;
      int outcomes = 0;
      Long unknown = null;
      for (RunFact run : selection.runs()) {
        if (outcomes >= rule.last()) {
          break;
        }
        if (!run.isCompleted()) {
          continue;
        }
        String conclusion;
        if (lane.equals(ANY_LANE)) {
          conclusion = run.conclusion();
        } else if (run.jobs() == null) {
          requestJobs(
              rule.filter(),
              selection.runs(),
              selection.runs().indexOf(run),
              rule.last() - outcomes);
          unknown = run.id();
          break;
        } else {
          List<JobFact> jobs = laneJobs(run, lane);
          conclusion =
              jobs.stream().anyMatch(job -> "success".equals(job.conclusion()))
                  ? "success"
                  : jobs.stream().anyMatch(job -> FAILED.contains(job.conclusion()))
                      ? "failure"
                      : null;
        }
        if ("success".equals(conclusion)) {
          successes++;
          outcomes++;
        } else if (conclusion != null && FAILED.contains(conclusion)) {
          outcomes++;
          evidence.add(runEvidence(run, null, lane).build());
        }
      }
      String label = lane.equals(ANY_LANE) ? "" : lane + " ";
      tallies.add(label + successes + "/" + outcomes + " succeeded");
      if (unknown != null && outcomes < rule.last()) {
        status = status.worse(Status.ERROR);
        needs.add("the jobs of run " + unknown);
        continue;
      }
      double needed = Math.ceil(rule.minRatio() * rule.last() - 1e-9);
      if (outcomes >= rule.last()) {
        if (successes < needed) {
          status = status.worse(Status.FAIL);
          needs.add(
              (int) (needed - successes)
                  + " more successes among the last "
                  + rule.last()
                  + onLane(lane));
        }
      } else if (successes + (rule.last() - outcomes) < needed) {
        status = status.worse(Status.FAIL);
        needs.add(
            "fewer failures: at most "
                + (rule.last() - (int) needed)
                + " of "
                + rule.last()
                + onLane(lane));
      } else {
        status = status.worse(Status.PENDING);
        int more = rule.last() - outcomes;
        needs.add(
            "needs "
                + more
                + " more completed run"
                + (more == 1 ? "" : "s")
                + onLane(lane)
                + " to judge the newest "
                + rule.last());
      }
    }
    String summary =
        selection.workflowName()
            + " ("
            + selection.scope()
            + "), newest "
            + rule.last()
            + ": "
            + String.join(", ", tallies)
            + "; at least "
            + Math.round(rule.minRatio() * 100)
            + "% required";
    return new Finding(
        status, summary, needs.isEmpty() ? null : String.join("; ", needs), false, evidence);
  }

  /**
   * Asks for the jobs of the next {@code howMany} completed runs, from {@code from} on, whose jobs
   * are unknown.
   */
  private void requestJobs(Rule.RunFilter filter, List<RunFact> runs, int from, int howMany) {
    int asked = 0;
    for (int i = from; i < runs.size() && asked < howMany; i++) {
      RunFact run = runs.get(i);
      if (run.isCompleted() && run.jobs() == null) {
        context.missing.add(
            new FactRequest.Jobs(filter.repo(), filter.workflow(), run.id(), run.runAttempt()));
        asked++;
      }
    }
  }

  private static String causesOf(List<Evidence> streak) {
    List<String> causes = new ArrayList<>();
    for (Evidence run : streak) {
      causes.add(run.attribute("cause") + " (run " + run.attribute("run_id") + ")");
    }
    return String.join(", ", causes);
  }

  private static Evidence.Builder runEvidence(RunFact run, JobFact job, String lane) {
    return EvidenceOf.run(run, job, lane.equals(ANY_LANE) ? null : lane);
  }
}
