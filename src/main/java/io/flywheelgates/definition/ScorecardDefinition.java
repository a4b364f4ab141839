package io.flywheelgates.definition;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the rollout's repositories are classified into tiers (the {@code scorecard} section of the
 * rollout file): which repos, which workflow calls are the shared template, which jobs are a deploy
 * or authority path, which files consume the caches, the declared hosted exceptions, and each
 * tier's meaning as conditions over {@link Signal}s. Tiers are tried in order; the first that
 * matches wins.
 *
 * @param published where the maintainers' hand-kept scorecard lives ({@code scorecard_*} rules)
 * @param laneOwner the repo that runs the self-hosted lanes: its own jobs on them are a dedicated
 *     lane, anyone else's a shared one (null: every literal lane is shared)
 * @param activeSet the repositories classified; empty means the repositories of the PR files
 */
public record ScorecardDefinition(
    Published published,
    String laneOwner,
    Pattern template,
    Pattern authority,
    Pattern cache,
    List<ActiveRepo> activeSet,
    List<Tier> tiers) {

  public record Published(String repo, String path) {}

  /** A repository of the active set and the hosted paths its maintainers declared exceptional. */
  public record ActiveRepo(String repo, List<HostedException> exceptions) {}

  /**
   * A hosted path declared on purpose. {@code workflow} is the workflow file's path; {@code job}
   * null covers all its jobs.
   */
  public record HostedException(
      String workflow, String job, ExceptionClass exceptionClass, String why) {
    public boolean covers(String workflowPath, String jobId) {
      return workflow.equals(workflowPath) && (job == null || job.equals(jobId));
    }
  }

  /** The note's classes of hosted exception. */
  public enum ExceptionClass {
    A("durable policy exception", true),
    B("bounded external-authority exception", true),
    C("claim-breaking drift", false);

    public final String meaning;

    /** Whether the exception bounds the hosted path (A, B) or breaks the claim (C). */
    public final boolean bounds;

    ExceptionClass(String meaning, boolean bounds) {
      this.meaning = meaning;
      this.bounds = bounds;
    }
  }

  /**
   * One tier: its id as the scorecard prints it ({@code 0} ... {@code 4}, {@code X}), its meaning,
   * the signal values it requires (all of them), and whether it counts as runner dogfood.
   */
  public record Tier(String id, String meaning, Map<Signal, Set<String>> when, boolean dogfood) {
    public String label() {
      return "Tier " + id;
    }
  }

  /** What the classification derives from a repository's files and runs, and its values. */
  public enum Signal {
    /**
     * The runner intent the package path declares: the template's {@code runner_mode} ({@code
     * compat} when not given), {@code shared} for a job's own literal self-hosted labels, {@code
     * unstated} for labels from an expression, {@code mixed} when they differ, {@code hosted} when
     * every job is hosted, {@code none} when there is no job.
     */
    INTENT(
        "intent", Set.of("repo_owned", "shared", "hosted", "compat", "unstated", "mixed", "none")),
    /** A workflow calls the shared template. */
    TEMPLATE("template", Set.of("true", "false")),
    /** A workflow file consumes the platform's caches. */
    CACHE("cache", Set.of("true", "false")),
    /** A default-branch run of the package path succeeded on a self-hosted runner. */
    PROVEN("proven", Set.of("true", "false")),
    /** The note's four promotion conditions all hold. */
    PROMOTED("promoted", Set.of("true", "false")),
    /**
     * Hosted deploy or authority jobs: {@code none}, {@code bounded} (each a declared class A or B
     * exception, or a template publish with {@code publish_mode: hosted_exception}) or {@code
     * unbounded}.
     */
    HOSTED_AUTHORITY("hosted_authority", Set.of("none", "bounded", "unbounded")),
    /** Declared intent and observed placement disagree (class C). */
    DRIFT("drift", Set.of("true", "false"));

    public final String key;
    public final Set<String> values;

    Signal(String key, Set<String> values) {
      this.key = key;
      this.values = values;
    }

    public static Optional<Signal> of(String key) {
      for (Signal signal : values()) {
        if (signal.key.equals(key)) {
          return Optional.of(signal);
        }
      }
      return Optional.empty();
    }
  }

  /** The same classification over another set of repositories. */
  public ScorecardDefinition withActiveSet(List<ActiveRepo> repos) {
    return new ScorecardDefinition(
        published, laneOwner, template, authority, cache, List.copyOf(repos), tiers);
  }

  public Optional<ActiveRepo> activeRepo(String repo) {
    return activeSet.stream().filter(active -> active.repo().equalsIgnoreCase(repo)).findFirst();
  }

  public Optional<Tier> tier(String id) {
    return tiers.stream().filter(tier -> tier.id().equalsIgnoreCase(id)).findFirst();
  }
}
