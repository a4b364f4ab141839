package io.flywheelgates.engine;

import io.flywheelgates.definition.PullRequestRef;
import io.flywheelgates.facts.FactRequest;
import io.flywheelgates.facts.PullRequestFact;
import io.flywheelgates.facts.RepoFacts;
import io.flywheelgates.verdict.Evidence;
import java.util.List;
import java.util.Optional;

/**
 * Finds the pull request a rule names and says whether it is merged, as of the evaluation instant.
 */
final class PullRequests {
  private PullRequests() {}

  /** {@code merged} is set only when the finding is PASS. */
  record Resolution(Finding finding, PullRequestFact merged) {}

  static Resolution resolve(PullRequestRef ref, EvaluationContext context) {
    RepoFacts repo = context.repo(ref.repo());
    Finding unusable = context.unusable(ref.repo(), repo);
    if (unusable != null) {
      if (repo == null && ref.number() != null) {
        // A numbered pull request does not depend on the repo's metadata: ask for both at once.
        context.missing.add(new FactRequest.PullRequest(ref.repo(), ref.number()));
      }
      return new Resolution(unusable, null);
    }
    return ref.number() != null ? byNumber(ref, repo, context) : byChangedFile(ref, repo, context);
  }

  private static Resolution byNumber(
      PullRequestRef ref, RepoFacts repo, EvaluationContext context) {
    Optional<PullRequestFact> found = repo.pullRequest(ref.number());
    if (found.isEmpty()) {
      context.missing.add(new FactRequest.PullRequest(ref.repo(), ref.number()));
      return new Resolution(
          Finding.error("pull request " + ref + " was not gathered", "the state of " + ref), null);
    }
    PullRequestFact pr = found.get();
    if (PullRequestFact.NOT_FOUND.equals(pr.state())) {
      return new Resolution(
          Finding.fail(
              "pull request " + ref + " not found",
              "the right pull request number in the gate file, or access to " + ref.repo(),
              List.of()),
          null);
    }
    if (isMergedBy(pr, context)) {
      return new Resolution(Finding.pass(mergedSummary(ref.repo(), pr), List.of(evidence(pr))), pr);
    }
    if (pr.merged()) {
      return new Resolution(
          Finding.pending(
              ref
                  + " was merged at "
                  + Describe.time(pr.mergedAt())
                  + ", after the evaluation time",
              "evaluate at or after " + Describe.time(pr.mergedAt()),
              List.of(evidence(pr))),
          null);
    }
    if ("open".equals(pr.state())) {
      return new Resolution(
          Finding.pending(ref + " is open, not merged", "merge " + ref, List.of(evidence(pr))),
          null);
    }
    return new Resolution(
        Finding.fail(
            ref + " was closed without merging",
            "a merged pull request for this change",
            List.of(evidence(pr))),
        null);
  }

  /**
   * The newest merged pull request that changed the file; PR 1 is known by what it added, not by
   * number.
   */
  private static Resolution byChangedFile(
      PullRequestRef ref, RepoFacts repo, EvaluationContext context) {
    String path = ref.touches();
    PullRequestFact open = null;
    PullRequestFact newestMerged = null;
    for (PullRequestFact pr : repo.pullRequests()) {
      if (pr.files() == null || !pr.files().contains(path)) {
        continue;
      }
      if (isMergedBy(pr, context)) {
        if (newestMerged == null || pr.mergedAt().isAfter(newestMerged.mergedAt())) {
          newestMerged = pr;
        }
      } else if ("open".equals(pr.state())) {
        open = pr;
      }
    }
    if (newestMerged != null) {
      return new Resolution(
          Finding.pass(
              mergedSummary(ref.repo(), newestMerged) + ", changing " + path,
              List.of(evidence(newestMerged))),
          newestMerged);
    }
    if (!repo.touchedPathsSearched().contains(path)) {
      context.missing.add(new FactRequest.PullRequestsTouching(ref.repo(), path));
      return new Resolution(
          Finding.error(
              "cannot tell which pull request of "
                  + ref.repo()
                  + " changed "
                  + path
                  + ": its merged pull requests were not searched",
              "the merged pull requests of " + ref.repo() + " with their changed files"),
          null);
    }
    if (open != null) {
      return new Resolution(
          Finding.pending(
              ref.repo() + "#" + open.number() + " changes " + path + " but is open",
              "merge " + ref.repo() + "#" + open.number(),
              List.of(evidence(open))),
          null);
    }
    return new Resolution(
        Finding.pending(
            "no merged pull request of "
                + ref.repo()
                + " changed "
                + path
                + " ("
                + repo.pullRequests().size()
                + " looked at)",
            "a merged pull request that adds " + path,
            List.of()),
        null);
  }

  private static boolean isMergedBy(PullRequestFact pr, EvaluationContext context) {
    return pr.merged() && pr.mergedAt() != null && !pr.mergedAt().isAfter(context.at);
  }

  private static String mergedSummary(String repo, PullRequestFact pr) {
    return repo
        + "#"
        + pr.number()
        + " merged "
        + Describe.time(pr.mergedAt())
        + " as "
        + Describe.shortSha(pr.mergeCommitSha());
  }

  static Evidence evidence(PullRequestFact pr) {
    return Evidence.of("pull_request", pr.htmlUrl())
        .with("number", pr.number())
        .with("state", pr.merged() ? "merged" : pr.state())
        .with("merged_at", pr.mergedAt())
        .with("merge_commit_sha", pr.mergeCommitSha())
        .build();
  }
}
