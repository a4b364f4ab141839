package io.flywheelgates.verdict;

import java.util.List;

/**
 * A stop condition as evaluated. {@code UNDECIDED}: its evidence could not be read, so the PR
 * cannot be GO either.
 */
public record StopResult(
    String id,
    String describe,
    State state,
    String summary,
    String needs,
    List<Evidence> evidence,
    List<String> blocks,
    List<String> response,
    List<String> failureModes) {

  public enum State {
    CLEAR,
    TRIGGERED,
    UNDECIDED
  }

  public StopResult {
    evidence = List.copyOf(evidence);
  }

  public boolean triggered() {
    return state == State.TRIGGERED;
  }
}
