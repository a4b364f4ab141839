package io.flywheelgates.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Says what a rule checks, in plain words, from its definition alone (for {@code explain}). */
public final class RuleWords {
  private RuleWords() {}

  public static String of(Rule rule) {
    if (rule instanceof Rule.PrMerged merged) {
      return merged.pullRequest() + " is merged";
    } else if (rule instanceof Rule.FileExists exists) {
      return exists.path() + " exists in " + exists.repo() + " on " + ref(exists.ref());
    } else if (rule instanceof Rule.FileMatches matches) {
      return matches.path()
          + " in "
          + matches.repo()
          + " on "
          + ref(matches.ref())
          + " has a line matching /"
          + matches.pattern().pattern()
          + "/";
    } else if (rule instanceof Rule.WorkflowCalls calls) {
      List<String> parts = new ArrayList<>();
      if (calls.uses() != null) {
        parts.add("calls /" + calls.uses().pattern() + "/");
      }
      for (Map.Entry<String, List<String>> input : calls.with().entrySet()) {
        parts.add(input.getKey() + " in " + input.getValue());
      }
      if (!calls.runsOn().isEmpty()) {
        parts.add("runs on " + calls.runsOn());
      }
      return (calls.job() != null ? "job '" + calls.job() + "' of " : "a job of ")
          + calls.workflow()
          + " in "
          + calls.repo()
          + " "
          + String.join(", ", parts);
    } else if (rule instanceof Rule.RunsRealCommands real) {
      return (real.lanes().isEmpty()
              ? "every job"
              : "each job on " + String.join(", ", real.lanes()))
          + " of "
          + real.workflow()
          + " in "
          + real.repo()
          + " runs a real command, not only echo/env/printenv";
    } else if (rule instanceof Rule.WorkflowRuns runs) {
      String lanes =
          runs.lanes().isEmpty()
              ? ""
              : " on "
                  + (runs.consecutive() ? "any of " : "each of ")
                  + String.join(", ", runs.lanes());
      if (runs.consecutive()) {
        return "the newest "
            + runs.count()
            + " runs "
            + filter(runs.filter())
            + lanes
            + " all failed"
            + (runs.causes().isEmpty()
                ? ""
                : " from " + String.join(", ", runs.causes().stream().sorted().toList()));
      }
      return "at least "
          + runs.count()
          + " distinct successful runs "
          + filter(runs.filter())
          + lanes
          + (runs.lanes().isEmpty() ? "" : " (the lane job itself succeeded)");
    } else if (rule instanceof Rule.SuccessRatio ratio) {
      return "at least "
          + Math.round(ratio.minRatio() * 100)
          + "% of the newest "
          + ratio.last()
          + " completed runs "
          + filter(ratio.filter())
          + (ratio.lanes().isEmpty() ? "" : " on " + String.join(", ", ratio.lanes()))
          + " succeeded";
    } else if (rule instanceof Rule.GateStatus gate) {
      return "the " + gate.gate().key() + " gate of " + gate.pr() + " passes";
    } else if (rule instanceof Rule.Attestation attestation) {
      return "attested by "
          + attestation.owner()
          + " until "
          + attestation.expires()
          + " ("
          + attestation.link()
          + ")";
    } else if (rule instanceof Rule.Classified classified) {
      return classified.repo()
          + " is classified "
          + (classified.tiers().isEmpty()
              ? ""
              : "in "
                  + String.join(
                      " or ", classified.tiers().stream().sorted().map(t -> "Tier " + t).toList())
                  + " ")
          + "by its evidence, and the published scorecard lists it there";
    } else if (rule instanceof Rule.ScorecardMatches) {
      return "the published scorecard matches the one computed from evidence";
    } else if (rule instanceof Rule.ScorecardDiverges) {
      return "the published scorecard diverges from the one computed from evidence";
    } else if (rule instanceof Rule.CountedReposStable) {
      return "every repo counted as runner dogfood passed its own stability gate";
    } else if (rule instanceof Rule.AllOf all) {
      return "all of: " + join(all.rules());
    } else if (rule instanceof Rule.AnyOf any) {
      return "any of: " + join(any.rules());
    } else if (rule instanceof Rule.Not not) {
      return "not: " + of(not.rule());
    }
    throw new IllegalStateException("no words for " + rule.getClass().getSimpleName());
  }

  private static String join(List<Rule> rules) {
    return String.join(" | ", rules.stream().map(RuleWords::of).toList());
  }

  private static String ref(String ref) {
    return ref == null ? "the default branch" : ref;
  }

  private static String filter(Rule.RunFilter filter) {
    String branch = filter.branch() == null ? "the default branch" : "branch " + filter.branch();
    String events =
        filter.events().isEmpty() ? "" : " (" + String.join(", ", filter.events()) + ")";
    String since = "";
    if (filter.since() instanceof Since.At at) {
      since = " since " + at.instant();
    } else if (filter.since() instanceof Since.MergeOf merge) {
      since = " since " + merge.pullRequest() + " merged";
    }
    return "of " + filter.workflow() + " in " + filter.repo() + " on " + branch + events + since;
  }
}
