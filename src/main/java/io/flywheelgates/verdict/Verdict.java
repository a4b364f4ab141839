package io.flywheelgates.verdict;

/**
 * A PR's verdict, declared from best to worst: the rollout's verdict is the worst of its PRs', and
 * STOP outranks everything, as the exit codes require.
 */
public enum Verdict {
  GO,
  BLOCKED,
  NO_GO,
  INCONCLUSIVE,
  STOP;

  public Verdict worse(Verdict other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
