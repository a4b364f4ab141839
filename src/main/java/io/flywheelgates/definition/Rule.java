package io.flywheelgates.definition;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One check a gate makes. Each kind is one record; defaults (the PR's repo, its pull request, the
 * rollout's default branch and events) are already resolved by the loader, so the engine never
 * guesses.
 */
public sealed interface Rule {
  String id();

  String describe();

  Location location();

  /** The pull request is merged. */
  record PrMerged(String id, String describe, Location location, PullRequestRef pullRequest)
      implements Rule {}

  /** A file exists at a ref ({@code ref} null: the repo's default branch). */
  record FileExists(
      String id, String describe, Location location, String repo, String path, String ref)
      implements Rule {}

  /** A file exists and its text matches a pattern (multi-line mode). */
  record FileMatches(
      String id,
      String describe,
      Location location,
      String repo,
      String path,
      String ref,
      Pattern pattern)
      implements Rule {}

  /**
   * A workflow file has a job that calls a reusable workflow (its {@code uses} matches) with the
   * given inputs. An input lists the values it may take; the value {@code null} in that list means
   * "may be absent".
   */
  record WorkflowCalls(
      String id,
      String describe,
      Location location,
      String repo,
      String workflow,
      String job,
      Pattern uses,
      Map<String, List<String>> with,
      List<String> runsOn)
      implements Rule {}

  /**
   * Which runs of a workflow count. {@code branch} null means the repo's default branch; {@code
   * events} empty means any event; {@code since} null means any time.
   */
  record RunFilter(String repo, String workflow, String branch, List<String> events, Since since) {}

  /**
   * Every job of a workflow (or each job on the named lanes) runs at least one real command: a
   * {@code run:} step that does more than {@code echo}, {@code env}, {@code printenv} or print
   * {@code $GITHUB_ENV} (Failure Mode 5).
   */
  record RunsRealCommands(
      String id,
      String describe,
      Location location,
      String repo,
      String workflow,
      List<String> lanes)
      implements Rule {}

  /**
   * Runs of a workflow. With {@code conclusion: success}: at least {@code count} distinct runs
   * whose lane job succeeded, per lane. With {@code conclusion: failure} and {@code consecutive}:
   * the newest {@code count} runs on some lane all failed, each for one of {@code causes}; this
   * form is meant for stop conditions.
   */
  record WorkflowRuns(
      String id,
      String describe,
      Location location,
      RunFilter filter,
      RunConclusion conclusion,
      List<String> lanes,
      int count,
      boolean consecutive,
      Set<String> causes)
      implements Rule {}

  /**
   * The share of successful runs among the newest {@code last} completed runs is at least {@code
   * minRatio}.
   */
  record SuccessRatio(
      String id,
      String describe,
      Location location,
      RunFilter filter,
      List<String> lanes,
      int last,
      double minRatio)
      implements Rule {}

  /** Another PR's gate has passed. */
  record GateStatus(String id, String describe, Location location, String pr, GateType gate)
      implements Rule {}

  /** A person vouches for what no API shows; reported as attested, never as measured. */
  record Attestation(
      String id,
      String describe,
      Location location,
      String owner,
      String reason,
      Instant attestedAt,
      Instant expires,
      String link)
      implements Rule {}

  /**
   * The repo's computed tier is one of {@code tiers} (any tier when empty), and the published
   * scorecard lists it in that same tier.
   */
  record Classified(String id, String describe, Location location, String repo, Set<String> tiers)
      implements Rule {}

  /** The published scorecard agrees with the computed one: no divergence, every repo classified. */
  record ScorecardMatches(String id, String describe, Location location) implements Rule {}

  /** The published scorecard and the computed one diverge somewhere. */
  record ScorecardDiverges(String id, String describe, Location location) implements Rule {}

  /**
   * Every repo the computed scorecard counts as runner dogfood passed its own stability gate (the
   * rollout PRs on that repo), so no count rests on one unverified pilot.
   */
  record CountedReposStable(String id, String describe, Location location) implements Rule {}

  record AllOf(String id, String describe, Location location, List<Rule> rules) implements Rule {}

  record AnyOf(String id, String describe, Location location, List<Rule> rules) implements Rule {}

  record Not(String id, String describe, Location location, Rule rule) implements Rule {}

  enum RunConclusion {
    SUCCESS,
    FAILURE
  }
}
