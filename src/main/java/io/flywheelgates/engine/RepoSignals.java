package io.flywheelgates.engine;

import io.flywheelgates.definition.PrDefinition;
import io.flywheelgates.definition.ScorecardDefinition;
import io.flywheelgates.definition.ScorecardDefinition.HostedException;
import io.flywheelgates.definition.ScorecardDefinition.Signal;
import io.flywheelgates.definition.ScorecardDefinition.Tier;
import io.flywheelgates.engine.TierClassifier.DeclaredJob;
import io.flywheelgates.engine.TierClassifier.Placement;
import io.flywheelgates.facts.FactRequest;
import io.flywheelgates.facts.FileFact;
import io.flywheelgates.facts.JobFact;
import io.flywheelgates.facts.RepoFacts;
import io.flywheelgates.facts.RunFact;
import io.flywheelgates.facts.WorkflowFacts;
import io.flywheelgates.verdict.Evidence;
import io.flywheelgates.verdict.RepoClassification;
import io.flywheelgates.verdict.RepoClassification.Condition;
import io.flywheelgates.verdict.Status;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One repository's workflow files and default-branch runs read into the scorecard's signals (its
 * declared intent, where its package path ran, its hosted authority paths, drift), the note's four
 * promotion conditions, and the tier the rollout's rules give them.
 */
final class RepoSignals {
  private static final Set<String> SELF_HOSTED_INTENT = Set.of("repo_owned", "shared");
  private static final Set<String> IMPLICIT_INTENT = Set.of("compat", "unstated", "mixed", "none");
  private static final Pattern PUBLISH_JOB = Pattern.compile("(?i)publish");

  private final TierClassifier classifier;
  private final EvaluationContext context;
  private final ScorecardDefinition definition;
  private final String repoName;
  private final RepoFacts repo;
  private final Map<String, FileFact> files;
  private final List<DeclaredJob> jobs;
  private final List<HostedException> exceptions;
  private final List<Evidence> evidence = new ArrayList<>();
  private final List<String> gaps = new ArrayList<>();
  private final Map<String, FileFact> reusable;

  RepoSignals(
      TierClassifier classifier,
      EvaluationContext context,
      String repoName,
      RepoFacts repo,
      Map<String, FileFact> files,
      List<DeclaredJob> jobs,
      Map<String, FileFact> reusable) {
    this.classifier = classifier;
    this.context = context;
    this.definition = context.rollout.scorecard();
    this.repoName = repoName;
    this.reusable = reusable;
    this.repo = repo;
    this.files = files;
    this.jobs = jobs;
    this.exceptions =
        definition
            .activeRepo(repoName)
            .map(ScorecardDefinition.ActiveRepo::exceptions)
            .orElse(List.of());
  }

  RepoClassification classify() {
    List<DeclaredJob> templateCalls = jobs(Placement.TEMPLATE);
    List<DeclaredJob> ownSelfHosted = new ArrayList<>(jobs(Placement.OWN_LANE));
    ownSelfHosted.addAll(jobs(Placement.SELF_HOSTED));
    ownSelfHosted.addAll(jobs(Placement.EXPRESSION));
    List<DeclaredJob> packagePath = !templateCalls.isEmpty() ? templateCalls : ownSelfHosted;
    String intent = intent(templateCalls, ownSelfHosted);
    Set<String> packageWorkflows = new LinkedHashSet<>();
    packagePath.forEach(job -> packageWorkflows.add(job.workflow()));
    packageWorkflows.forEach(path -> evidence.add(EvidenceOf.file(files.get(path)).build()));

    boolean cache =
        files.values().stream().anyMatch(file -> definition.cache().matcher(file.content()).find());
    if (packageWorkflows.isEmpty()) {
      // No package path: what the repo runs at all is the evidence (a hosted-only repo's jobs).
      files.values().forEach(file -> evidence.add(EvidenceOf.file(file).build()));
      reusable.values().forEach(file -> evidence.add(EvidenceOf.file(file).build()));
    }
    Authority authority = authority(templateCalls);

    // Where the package path's default-branch jobs ran.
    Observed observed = new Observed();
    for (String path : packageWorkflows) {
      observe(path, observed);
    }
    PullRequests.Resolution backing = backing();
    if (!gaps.isEmpty()) {
      return RepoClassification.unclassified(repoName, String.join("; ", gaps));
    }

    String drift = drift(intent, packageWorkflows, observed);
    List<Condition> promotion = new ArrayList<>();
    promotion.add(merged(packageWorkflows, backing));
    promotion.add(
        new Condition(
            "default-branch proof exists",
            observed.proof != null,
            observed.proof != null
                ? "run "
                    + observed.proofRun.id()
                    + " succeeded with "
                    + observed.proof.name()
                    + " on runner "
                    + observed.proof.runnerName()
                : "no successful default-branch run of "
                    + (packageWorkflows.isEmpty() ? "a package workflow" : names(packageWorkflows))
                    + " had a job on a self-hosted runner"));
    promotion.add(
        new Condition(
            "runner intent is explicit",
            !IMPLICIT_INTENT.contains(intent),
            "intent " + intent + describeIntent(packagePath)));
    promotion.add(
        new Condition(
            "hosted authority for the claimed path is absent or explicitly exceptional",
            observed.proof != null && observed.unexcepted.isEmpty(),
            observed.proof == null
                ? "nothing to judge: no default-branch run of the package path succeeded self-hosted"
                : observed.unexcepted.isEmpty()
                    ? (observed.excepted.isEmpty()
                        ? "no job of the proving run ran hosted"
                        : "hosted only where declared: " + String.join(", ", observed.excepted))
                    : "ran hosted without a declared exception: "
                        + String.join(", ", observed.unexcepted)));
    boolean promoted = promotion.stream().allMatch(Condition::holds);

    Map<Signal, String> signals = new EnumMap<>(Signal.class);
    signals.put(Signal.INTENT, intent);
    signals.put(Signal.TEMPLATE, String.valueOf(!templateCalls.isEmpty()));
    signals.put(Signal.CACHE, String.valueOf(cache));
    signals.put(Signal.PROVEN, String.valueOf(observed.proof != null));
    signals.put(Signal.PROMOTED, String.valueOf(promoted));
    signals.put(Signal.HOSTED_AUTHORITY, authority.level);
    signals.put(Signal.DRIFT, String.valueOf(drift != null));
    Map<String, String> named = new LinkedHashMap<>();
    signals.forEach((signal, value) -> named.put(signal.key, value));

    Tier tier =
        definition.tiers().stream().filter(t -> matches(t, signals)).findFirst().orElse(null);
    if (tier == null) {
      return new RepoClassification(
          repoName,
          null,
          null,
          false,
          "no tier's conditions match its signals (" + named + "); add a catch-all tier",
          named,
          promotion,
          drift,
          evidence);
    }
    return new RepoClassification(
        repoName,
        tier.id(),
        tier.meaning(),
        tier.dogfood(),
        summary(intent, packagePath, observed, authority, promoted, promotion, drift),
        named,
        promotion,
        drift,
        evidence);
  }

  private List<DeclaredJob> jobs(Placement placement) {
    return jobs.stream().filter(job -> job.placement() == placement).toList();
  }

  /**
   * The template's runner_mode when the repo calls it; else its own jobs' labels: literal
   * self-hosted labels are the shared lanes (the lane owner's own dedicated ones), labels from an
   * expression are unstated.
   */
  private String intent(List<DeclaredJob> templateCalls, List<DeclaredJob> ownSelfHosted) {
    Set<String> intents = new LinkedHashSet<>();
    if (!templateCalls.isEmpty()) {
      templateCalls.forEach(call -> intents.add(call.runnerMode()));
    } else if (!ownSelfHosted.isEmpty()) {
      ownSelfHosted.forEach(
          job ->
              intents.add(
                  switch (job.placement()) {
                    case OWN_LANE -> "repo_owned";
                    case SELF_HOSTED -> "shared";
                    default -> "unstated";
                  }));
    } else {
      return jobs(Placement.HOSTED).isEmpty() ? "none" : "hosted";
    }
    return intents.size() == 1 ? intents.iterator().next() : "mixed";
  }

  /** "(ci.yml runner_mode: repo_owned; proof.yml runs-on: tinyland-docker, tinyland-nix)". */
  private String describeIntent(List<DeclaredJob> packagePath) {
    Map<String, Set<String>> modes = new LinkedHashMap<>();
    Map<String, Set<String>> labels = new LinkedHashMap<>();
    for (DeclaredJob job : packagePath) {
      String file = Describe.fileName(job.workflow());
      if (job.placement() == Placement.TEMPLATE) {
        modes
            .computeIfAbsent(file, k -> new LinkedHashSet<>())
            .add(
                job.job().with().containsKey("runner_mode")
                    ? "runner_mode: " + job.job().with().get("runner_mode")
                    : "no runner_mode (compat)");
      } else {
        labels.computeIfAbsent(file, k -> new LinkedHashSet<>()).addAll(job.job().runsOn());
      }
    }
    List<String> parts = new ArrayList<>();
    modes.forEach((file, declared) -> parts.add(file + " " + String.join(", ", declared)));
    labels.forEach(
        (file, declared) -> parts.add(file + " runs-on: " + String.join(", ", declared)));
    return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
  }

  /** Hosted deploy or authority jobs, and whether each is a declared, bounded exception. */
  private Authority authority(List<DeclaredJob> templateCalls) {
    List<String> bounded = new ArrayList<>();
    List<String> unbounded = new ArrayList<>();
    for (DeclaredJob job : jobs(Placement.HOSTED)) {
      String where = Describe.fileName(job.workflow()) + " job " + job.job().name();
      if (!definition.authority().matcher(Describe.fileName(job.workflow())).find()
          && !definition.authority().matcher(job.job().name()).find()) {
        continue;
      }
      HostedException exception = exception(job.workflow(), job.job().name());
      if (exception == null) {
        unbounded.add(where + " runs hosted with no declared exception");
        evidence.add(EvidenceOf.file(files.get(job.workflow())).build());
      } else if (!exception.exceptionClass().bounds) {
        unbounded.add(where + " is declared class C (" + exception.why() + ")");
        evidence.add(EvidenceOf.file(files.get(job.workflow())).build());
      } else {
        bounded.add(
            where
                + " is a class "
                + exception.exceptionClass()
                + " exception ("
                + exception.why()
                + ")");
      }
    }
    for (DeclaredJob call : templateCalls) {
      if (call.hostedPublishException()) {
        bounded.add(
            Describe.fileName(call.workflow())
                + " publishes hosted (publish_mode: hosted_exception)");
      }
    }
    String level = !unbounded.isEmpty() ? "unbounded" : bounded.isEmpty() ? "none" : "bounded";
    return new Authority(level, unbounded.isEmpty() ? bounded : unbounded);
  }

  private HostedException exception(String workflow, String jobName) {
    for (HostedException exception : exceptions) {
      if (exception.workflow().equals(workflow)
          && (exception.job() == null
              || jobName.equals(exception.job())
              || jobName.endsWith("/ " + exception.job())
              || jobName.startsWith(exception.job() + " ("))) {
        return exception;
      }
    }
    return null;
  }

  /**
   * Reads the newest completed and the newest successful default-branch run of a package workflow,
   * asking for what is missing.
   */
  private void observe(String path, Observed observed) {
    WorkflowFacts workflow = repo.workflow(path).orElse(null);
    if (workflow == null) {
      context.missing.add(new FactRequest.Runs(repoName, path));
      gaps.add("the runs of " + Describe.fileName(path) + " were not gathered");
      return;
    }
    RunFact newest = null;
    RunFact newestSuccess = null;
    for (RunFact run : workflow.runs()) {
      if (!context.isDefaultBranchRun(repo, run)) {
        continue;
      }
      newest = newest == null ? run : newest;
      if ("success".equals(run.conclusion())) {
        newestSuccess = run;
        break;
      }
    }
    boolean hostedPublish =
        jobs.stream().anyMatch(job -> job.workflow().equals(path) && job.hostedPublishException());
    List<RunFact> looked = new ArrayList<>();
    if (newest != null) {
      looked.add(newest);
    }
    if (newestSuccess != null && newestSuccess != newest) {
      looked.add(newestSuccess);
    }
    for (RunFact run : looked) {
      if (run.jobs() == null) {
        context.missing.add(new FactRequest.Jobs(repoName, path, run.id(), run.runAttempt()));
        gaps.add(
            "the jobs of run "
                + run.id()
                + " of "
                + Describe.fileName(path)
                + " were not gathered");
        continue;
      }
      for (JobFact job : run.jobs()) {
        if (job.runnerName() == null) {
          continue;
        }
        boolean hosted = context.rollout.hostedRunnerGroup().equals(job.runnerGroupName());
        String where = job.name() + " of run " + run.id();
        boolean declared =
            (hostedPublish && PUBLISH_JOB.matcher(job.name()).find())
                || (exception(path, job.name()) != null
                    && exception(path, job.name()).exceptionClass().bounds);
        if (run == newest) {
          if (hosted && !declared) {
            observed.hostedInNewest.add(new Seen(run, job));
          } else if (!hosted) {
            observed.selfHostedInNewest.add(new Seen(run, job));
          }
        }
        if (run == newestSuccess) {
          if (!hosted && "success".equals(job.conclusion()) && observed.proof == null) {
            observed.proof = job;
            observed.proofRun = run;
            evidence.add(runEvidence(run, job));
          }
          if (hosted) {
            (declared ? observed.excepted : observed.unexcepted).add(where);
          }
        }
      }
    }
  }

  private PullRequests.Resolution backing() {
    PrDefinition pr = classifier.backingPr(repoName);
    if (pr == null) {
      return null;
    }
    PullRequests.Resolution resolution = PullRequests.resolve(pr.pullRequest(), context);
    if (resolution.finding().status() == Status.ERROR) {
      gaps.add("whether " + pr.pullRequest() + " is merged: " + resolution.finding().summary());
    }
    return resolution;
  }

  private Condition merged(Set<String> packageWorkflows, PullRequests.Resolution backing) {
    if (packageWorkflows.isEmpty()) {
      return new Condition(
          "authoritative workflow is merged", false, "no workflow declares a package path");
    }
    String onBranch = names(packageWorkflows) + " on " + context.defaultBranch(repo);
    if (backing == null) {
      return new Condition("authoritative workflow is merged", true, onBranch);
    }
    boolean merged = backing.finding().status() == Status.PASS;
    if (merged && !backing.finding().evidence().isEmpty()) {
      evidence.add(backing.finding().evidence().get(0));
    }
    return new Condition(
        "authoritative workflow is merged", merged, onBranch + "; " + backing.finding().summary());
  }

  /**
   * Class C: the files declare self-hosted and the newest default-branch jobs ran hosted, or the
   * files declare hosted and they ran self-hosted.
   */
  private String drift(String intent, Set<String> packageWorkflows, Observed observed) {
    List<Seen> contrary;
    String declared;
    if (SELF_HOSTED_INTENT.contains(intent)) {
      contrary = observed.hostedInNewest;
      declared = "declares " + intent;
    } else if (intent.equals("hosted")) {
      contrary = observed.selfHostedInNewest;
      declared = "declares hosted";
    } else {
      return null;
    }
    if (contrary.isEmpty()) {
      return null;
    }
    Seen first = contrary.get(0);
    evidence.add(runEvidence(first.run(), first.job()));
    return "class C (claim-breaking drift): "
        + names(packageWorkflows)
        + " "
        + declared
        + ", but "
        + first.job().name()
        + " of run "
        + first.run().id()
        + " ran on "
        + (SELF_HOSTED_INTENT.contains(intent)
            ? "a hosted runner (" + first.job().runnerName() + ")"
            : "self-hosted runner " + first.job().runnerName());
  }

  private String summary(
      String intent,
      List<DeclaredJob> packagePath,
      Observed observed,
      Authority authority,
      boolean promoted,
      List<Condition> promotion,
      String drift) {
    List<String> parts = new ArrayList<>();
    if (intent.equals("none")) {
      parts.add(
          "no workflow of its own runs jobs"
              + (reusable.isEmpty()
                  ? ""
                  : " (" + names(reusable.keySet()) + " only run when other repos call them)"));
    } else if (intent.equals("hosted")) {
      parts.add("every job runs hosted (" + names(files.keySet()) + ")");
    } else {
      parts.add("intent " + intent + describeIntent(packagePath));
    }
    if (observed.proof != null) {
      parts.add(
          "proven by run " + observed.proofRun.id() + " on runner " + observed.proof.runnerName());
    }
    if (!authority.level.equals("none")) {
      parts.add(
          "hosted authority " + authority.level + ": " + String.join("; ", authority.details));
    }
    if (drift != null) {
      parts.add(drift);
    }
    if (promoted) {
      parts.add("promotion conditions hold");
    } else if (SELF_HOSTED_INTENT.contains(intent) || observed.proof != null) {
      List<String> failed =
          promotion.stream()
              .filter(c -> !c.holds())
              .map(c -> c.name() + " (" + c.detail() + ")")
              .toList();
      parts.add("not promoted: " + String.join("; ", failed));
    }
    return String.join("; ", parts);
  }

  private static boolean matches(Tier tier, Map<Signal, String> signals) {
    return tier.when().entrySet().stream()
        .allMatch(condition -> condition.getValue().contains(signals.get(condition.getKey())));
  }

  private record Authority(String level, List<String> details) {}

  private record Seen(RunFact run, JobFact job) {}

  /** What the package path's default-branch runs showed. */
  private static final class Observed {
    JobFact proof;
    RunFact proofRun;
    final List<Seen> hostedInNewest = new ArrayList<>();
    final List<Seen> selfHostedInNewest = new ArrayList<>();
    final List<String> excepted = new ArrayList<>();
    final List<String> unexcepted = new ArrayList<>();
  }

  private static String names(Set<String> paths) {
    return String.join(", ", paths.stream().map(Describe::fileName).toList());
  }

  /** Where the scorecard looks at a job, the runner group is what says hosted or self-hosted. */
  private static Evidence runEvidence(RunFact run, JobFact job) {
    return EvidenceOf.run(run, job, null).with("runner_group", job.runnerGroupName()).build();
  }
}
