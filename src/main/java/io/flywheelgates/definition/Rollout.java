package io.flywheelgates.definition;

import java.util.List;
import java.util.Optional;

/** The rollout file: lanes, defaults and failure modes shared by every PR. */
public record Rollout(
    String name,
    String defaultBranch,
    List<String> defaultBranchEvents,
    int repeatedFailures,
    List<Lane> lanes,
    List<String> hostedLabels,
    String hostedRunnerGroup,
    List<FailureMode> failureModes) {

  public record Lane(String id, String describe) {}

  public Optional<FailureMode> failureMode(String id) {
    return failureModes.stream().filter(mode -> mode.id().equals(id)).findFirst();
  }
}
