package io.flywheelgates.engine;

import io.flywheelgates.definition.Definitions;
import io.flywheelgates.definition.Rollout;
import io.flywheelgates.facts.FactRequest;
import io.flywheelgates.facts.Facts;
import io.flywheelgates.facts.RepoFacts;
import io.flywheelgates.verdict.PrResult;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What every rule may read during one evaluation: the facts, the rollout, the evaluation instant,
 * earlier PRs.
 */
final class EvaluationContext {
  final Facts facts;
  final Definitions definitions;
  final Rollout rollout;
  final Instant at;
  final FailureClassifier classifier;
  final Map<String, PrResult> evaluated = new HashMap<>();
  final WorkflowFiles workflowFiles = new WorkflowFiles();

  /** The tier classification, computed once per evaluation when a rule first reads it. */
  private TierClassifier tierClassifier;

  /** What the rules needed and the facts lacked, in the order first asked for. */
  final java.util.Set<FactRequest> missing = new java.util.LinkedHashSet<>();

  private final Map<String, RepoFacts> repos;

  EvaluationContext(Facts facts, Definitions definitions, Instant at) {
    this.facts = facts;
    this.definitions = definitions;
    this.rollout = definitions.rollout();
    this.at = at;
    this.classifier = new FailureClassifier(rollout);
    this.repos = new HashMap<>();
    facts
        .repositories()
        .forEach(repo -> repos.put(repo.fullName().toLowerCase(java.util.Locale.ROOT), repo));
  }

  TierClassifier tiers() {
    if (tierClassifier == null) {
      tierClassifier = new TierClassifier(this);
    }
    return tierClassifier;
  }

  RepoFacts repo(String fullName) {
    return repos.get(fullName.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * A completed run of the repo's default branch, by a default-branch event, at or before the
   * evaluation instant: the runs triage and history look at.
   */
  boolean isDefaultBranchRun(RepoFacts repo, io.flywheelgates.facts.RunFact run) {
    return defaultBranch(repo).equals(run.headBranch())
        && rollout.defaultBranchEvents().contains(run.event())
        && run.isCompleted()
        && run.createdAt() != null
        && !run.createdAt().isAfter(at);
  }

  /**
   * The file at {@code ref} as gathered; null when it was not, and then it is asked for (under the
   * repo name the rule wrote).
   */
  io.flywheelgates.facts.FileFact file(String repoName, RepoFacts repo, String path, String ref) {
    io.flywheelgates.facts.FileFact file = repo.file(path, ref).orElse(null);
    if (file == null) {
      missing.add(new FactRequest.File(repoName, path, ref));
    }
    return file;
  }

  String defaultBranch(RepoFacts repo) {
    return repo.defaultBranch() != null ? repo.defaultBranch() : rollout.defaultBranch();
  }

  /**
   * The finding when a repo cannot be read: not gathered (ERROR) or not there (FAIL); null when the
   * repo is usable.
   */
  Finding unusable(String fullName, RepoFacts repo) {
    if (repo == null) {
      missing.add(new FactRequest.Repository(fullName));
      return Finding.error(
          "no evidence about " + fullName + " was gathered",
          "evidence for " + fullName + " (fetch it or add it to the snapshot)");
    }
    if (!repo.found()) {
      return Finding.fail(
          "repository " + fullName + " not found (or not visible to this token)",
          "access to " + fullName + ", or the right repo name in the gate file",
          java.util.List.of());
    }
    return null;
  }
}
