package io.flywheelgates.facts;

import java.util.List;
import java.util.Optional;

/**
 * One repository. {@code found} false: GitHub answered that it does not exist (or is not visible).
 * {@code pullRequests} holds the pull requests that were looked at; {@code touchedPathsSearched}
 * the files whose merged pull requests were searched for, so such a search may conclude "none".
 * {@code workflowFiles} lists the paths of its workflow files; null when they were not listed.
 */
public record RepoFacts(
    String fullName,
    boolean found,
    String defaultBranch,
    String htmlUrl,
    List<PullRequestFact> pullRequests,
    List<String> touchedPathsSearched,
    List<FileFact> files,
    List<WorkflowFacts> workflows,
    List<String> workflowFiles) {

  public RepoFacts {
    pullRequests = pullRequests == null ? List.of() : List.copyOf(pullRequests);
    touchedPathsSearched =
        touchedPathsSearched == null ? List.of() : List.copyOf(touchedPathsSearched);
    files = files == null ? List.of() : List.copyOf(files);
    workflows = workflows == null ? List.of() : List.copyOf(workflows);
    workflowFiles = workflowFiles == null ? null : List.copyOf(workflowFiles);
  }

  public Optional<PullRequestFact> pullRequest(int number) {
    return pullRequests.stream().filter(pr -> pr.number() == number).findFirst();
  }

  /** The file at {@code ref}; null ref means the default branch. */
  public Optional<FileFact> file(String path, String ref) {
    String wanted = ref == null ? defaultBranch : ref;
    return files.stream()
        .filter(file -> file.path().equals(path) && file.ref().equals(wanted))
        .findFirst();
  }

  public Optional<WorkflowFacts> workflow(String path) {
    return workflows.stream().filter(workflow -> workflow.path().equals(path)).findFirst();
  }
}
