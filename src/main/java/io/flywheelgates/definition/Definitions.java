package io.flywheelgates.definition;

import java.util.List;
import java.util.Optional;

/**
 * Everything the gate files define, validated; {@code prs} are in rollout order (each after what it
 * waits for).
 */
public record Definitions(String origin, Rollout rollout, List<PrDefinition> prs) {

  public Optional<PrDefinition> pr(String id) {
    return prs.stream().filter(pr -> pr.id().equals(id)).findFirst();
  }
}
