package io.flywheelgates.facts;

import java.util.List;
import java.util.Optional;

/**
 * Everything observed about the rollout's repositories, from GitHub or a snapshot. Absence is
 * meaningful: a repo, file, workflow or job list that is not here was not gathered, and a rule that
 * needs it cannot be decided.
 */
public record Facts(List<RepoFacts> repositories) {
  public Facts {
    repositories = List.copyOf(repositories);
  }

  public Optional<RepoFacts> repo(String fullName) {
    for (RepoFacts repo : repositories) {
      if (repo.fullName().equalsIgnoreCase(fullName)) {
        return Optional.of(repo);
      }
    }
    return Optional.empty();
  }

  /** How many workflow runs were observed, across every repository. */
  public long runCount() {
    return repositories.stream()
        .flatMap(repo -> repo.workflows().stream())
        .mapToLong(workflow -> workflow.runs().size())
        .sum();
  }
}
