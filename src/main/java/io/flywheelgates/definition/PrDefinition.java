package io.flywheelgates.definition;

import java.util.List;
import java.util.Map;

/** One rollout PR as its gate file defines it. */
public record PrDefinition(
    String id,
    String title,
    String repo,
    PullRequestRef pullRequest,
    List<String> after,
    Map<GateType, List<Rule>> gates,
    List<StopCondition> stopConditions,
    List<String> rollback,
    List<String> failureModes,
    Rule classificationRow,
    Location location) {

  public List<Rule> rules(GateType type) {
    return gates.getOrDefault(type, List.of());
  }
}
