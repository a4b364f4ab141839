package io.flywheelgates.engine;

import io.flywheelgates.definition.PrDefinition;
import io.flywheelgates.definition.ScorecardDefinition;
import io.flywheelgates.facts.FactRequest;
import io.flywheelgates.facts.FileFact;
import io.flywheelgates.facts.RepoFacts;
import io.flywheelgates.verdict.RepoClassification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Classifies a repository into a tier from what its workflow files declare and where its
 * default-branch jobs ran. The signals are computed here; which signals make which tier is data
 * (the rollout file's {@code scorecard.tiers}), tried in order.
 */
final class TierClassifier {
  private static final Set<String> TEMPLATE_MODES =
      Set.of("repo_owned", "shared", "hosted", "compat");

  private final EvaluationContext context;
  private final ScorecardDefinition definition;
  private final Map<String, RepoClassification> classified = new HashMap<>();

  TierClassifier(EvaluationContext context) {
    this.context = context;
    this.definition = context.rollout.scorecard();
  }

  ScorecardDefinition definition() {
    return definition;
  }

  RepoClassification classify(String repoName) {
    return classified.computeIfAbsent(repoName.toLowerCase(Locale.ROOT), key -> compute(repoName));
  }

  /** The first rollout PR on the repo: the change whose merge backs its classification. */
  PrDefinition backingPr(String repoName) {
    for (PrDefinition pr : context.definitions.prs()) {
      if (pr.repo().equalsIgnoreCase(repoName) && pr.pullRequest() != null) {
        return pr;
      }
    }
    return null;
  }

  // ----- what the files declare

  enum Placement {
    TEMPLATE,
    /** Literal self-hosted labels, in the repo that runs those lanes: its dedicated lanes. */
    OWN_LANE,
    SELF_HOSTED,
    EXPRESSION,
    HOSTED,
    OTHER
  }

  /** One job as its workflow file declares it. */
  record DeclaredJob(String workflow, WorkflowFiles.Job job, Placement placement) {
    String runnerMode() {
      String mode = job.with().get("runner_mode");
      if (mode == null) {
        return "compat";
      }
      return TEMPLATE_MODES.contains(mode) ? mode : "unstated";
    }

    boolean hostedPublishException() {
      return "hosted_exception".equals(job.with().get("publish_mode"));
    }
  }

  private RepoClassification compute(String repoName) {
    RepoFacts repo = context.repo(repoName);
    if (repo == null) {
      context.missing.add(new FactRequest.Repository(repoName));
      context.missing.add(new FactRequest.WorkflowList(repoName));
      return RepoClassification.unclassified(
          repoName, "no evidence about " + repoName + " was gathered");
    }
    if (!repo.found()) {
      return RepoClassification.unclassified(
          repoName, "repository " + repoName + " not found (or not visible to this token)");
    }
    if (repo.workflowFiles() == null) {
      context.missing.add(new FactRequest.WorkflowList(repoName));
      return RepoClassification.unclassified(repoName, "its workflow files were not listed");
    }
    String branch = context.defaultBranch(repo);
    List<String> gaps = new ArrayList<>();
    Map<String, FileFact> files = new LinkedHashMap<>();
    List<DeclaredJob> jobs = new ArrayList<>();
    Map<String, FileFact> reusable = new LinkedHashMap<>();
    for (String path : repo.workflowFiles()) {
      FileFact file = context.file(repoName, repo, path, branch);
      if (file == null) {
        gaps.add(path + " was not gathered");
      } else if (!file.exists() || file.content() == null) {
        gaps.add(path + " is listed as a workflow but could not be read on " + branch);
      } else {
        WorkflowFiles.Parsed parsed =
            context.workflowFiles.parse(repoName + "/" + path + "@" + branch, file.content());
        if (parsed.problem() != null) {
          gaps.add(path + " cannot be read as a workflow: " + parsed.problem());
        }
        if (parsed.reusableOnly()) {
          reusable.put(path, file);
        } else {
          files.put(path, file);
          parsed
              .jobs()
              .forEach(job -> jobs.add(new DeclaredJob(path, job, placement(repoName, job))));
        }
      }
    }
    if (!gaps.isEmpty()) {
      return RepoClassification.unclassified(repoName, String.join("; ", gaps));
    }
    return new RepoSignals(this, context, repoName, repo, files, jobs, reusable).classify();
  }

  private Placement placement(String repoName, WorkflowFiles.Job job) {
    if (job.uses() != null) {
      return definition.template().matcher(job.uses()).find()
          ? Placement.TEMPLATE
          : Placement.OTHER;
    }
    if (job.runsOn().isEmpty()) {
      return Placement.OTHER;
    }
    if (job.runsOn().stream().anyMatch(label -> label.contains("${{"))) {
      return Placement.EXPRESSION;
    }
    if (context.rollout.hostedLabels().containsAll(job.runsOn())) {
      return Placement.HOSTED;
    }
    return repoName.equalsIgnoreCase(definition.laneOwner())
        ? Placement.OWN_LANE
        : Placement.SELF_HOSTED;
  }
}
