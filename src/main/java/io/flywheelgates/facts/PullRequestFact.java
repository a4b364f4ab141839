package io.flywheelgates.facts;

import java.time.Instant;
import java.util.List;

/**
 * A pull request as GitHub reports it; {@code files} null means its changed files were not
 * gathered.
 */
public record PullRequestFact(
    int number,
    String title,
    String state,
    boolean merged,
    Instant mergedAt,
    String mergeCommitSha,
    String headRef,
    String baseRef,
    String htmlUrl,
    List<String> files) {

  public static final String NOT_FOUND = "not_found";

  public PullRequestFact {
    files = files == null ? null : List.copyOf(files);
  }
}
