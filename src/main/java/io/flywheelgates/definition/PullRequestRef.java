package io.flywheelgates.definition;

/**
 * Names a pull request either by number or, when the number is not known in advance (PR 1: "the PR
 * adding it"), as the merged pull request that changed a given file.
 */
public record PullRequestRef(String repo, Integer number, String touches) {

  public static PullRequestRef byNumber(String repo, int number) {
    return new PullRequestRef(repo, number, null);
  }

  public static PullRequestRef touching(String repo, String path) {
    return new PullRequestRef(repo, null, path);
  }

  @Override
  public String toString() {
    return number != null
        ? repo + "#" + number
        : "the merged pull request of " + repo + " that changed " + touches;
  }
}
