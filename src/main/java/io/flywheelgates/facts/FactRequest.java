package io.flywheelgates.facts;

/**
 * A fact the engine needed and did not have. The engine lists these while it evaluates; a live
 * source fetches them and the engine evaluates again, so only what the gates read is ever
 * requested.
 */
public sealed interface FactRequest {
  String repo();

  /** The repository itself: whether it exists, its default branch. */
  record Repository(String repo) implements FactRequest {}

  record PullRequest(String repo, int number) implements FactRequest {}

  /** The merged pull requests that changed a file on the default branch. */
  record PullRequestsTouching(String repo, String path) implements FactRequest {}

  record File(String repo, String path, String ref) implements FactRequest {}

  /** The paths of the repository's workflow files, as GitHub lists them. */
  record WorkflowList(String repo) implements FactRequest {}

  /** A workflow's runs, newest first. */
  record Runs(String repo, String workflow) implements FactRequest {}

  /** The jobs of one attempt of a completed run: they never change once it finished. */
  record Jobs(String repo, String workflow, long runId, int attempt) implements FactRequest {}

  record Log(String repo, String workflow, long runId, long jobId) implements FactRequest {}
}
