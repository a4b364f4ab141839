package io.flywheelgates.verdict;

import java.util.Collection;

/**
 * The outcome of a check or gate, never a boolean. Declared from best to worst: {@link #worst}
 * combines by this one order, so a result that could not be decided (ERROR) outranks a failure, and
 * nothing unknown ever reads as a pass.
 */
public enum Status {
  PASS,
  WAITING,
  PENDING,
  FAIL,
  ERROR;

  public Status worse(Status other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  /**
   * PASS for an empty collection: a gate with no checks has nothing against it (the loader requires
   * checks).
   */
  public static Status worst(Collection<Status> statuses) {
    Status worst = PASS;
    for (Status status : statuses) {
      worst = worst.worse(status);
    }
    return worst;
  }
}
