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

  /**
   * Alternatives: PASS when one passes. Otherwise an alternative that could not be decided might
   * have passed, so ERROR outranks the rest; else the best of them. ERROR for no alternatives at
   * all.
   */
  public static Status anyOf(Collection<Status> statuses) {
    if (statuses.contains(PASS)) {
      return PASS;
    }
    if (statuses.isEmpty() || statuses.contains(ERROR)) {
      return ERROR;
    }
    Status best = ERROR;
    for (Status status : statuses) {
      best = status.ordinal() < best.ordinal() ? status : best;
    }
    return best;
  }

  /** Swaps PASS and FAIL; what is not yet known or undecided stays so. */
  public Status negate() {
    return switch (this) {
      case PASS -> FAIL;
      case FAIL -> PASS;
      default -> this;
    };
  }
}
