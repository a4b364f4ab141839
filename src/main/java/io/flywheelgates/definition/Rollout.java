package io.flywheelgates.definition;

import java.util.List;
import java.util.Optional;

/**
 * The rollout file: lanes, defaults and failure modes shared by every PR, and how its repositories
 * are classified ({@code scorecard}, null when the file defines none).
 */
public record Rollout(
    String name,
    String defaultBranch,
    List<String> defaultBranchEvents,
    int repeatedFailures,
    List<Lane> lanes,
    List<String> hostedLabels,
    String hostedRunnerGroup,
    List<FailureMode> failureModes,
    ScorecardDefinition scorecard) {

  public record Lane(String id, String describe) {}

  public Rollout withScorecard(ScorecardDefinition resolved) {
    return new Rollout(
        name,
        defaultBranch,
        defaultBranchEvents,
        repeatedFailures,
        lanes,
        hostedLabels,
        hostedRunnerGroup,
        failureModes,
        resolved);
  }

  public Optional<FailureMode> failureMode(String id) {
    return failureModes.stream().filter(mode -> mode.id().equals(id)).findFirst();
  }
}
