package io.flywheelgates.verdict;

import java.util.List;

/**
 * One rollout PR as judged: its verdict, why ({@code reason}), its gates and what applies if it
 * stops.
 */
public record PrResult(
    String id,
    String title,
    String repo,
    Verdict verdict,
    String reason,
    List<String> blockedBy,
    boolean citable,
    List<GateResult> gates,
    List<StopResult> stopConditions,
    List<String> rollback,
    List<FailureModeNote> failureModes,
    EvidenceArtifacts evidenceArtifacts) {

  public PrResult {
    blockedBy = List.copyOf(blockedBy);
    gates = List.copyOf(gates);
    stopConditions = List.copyOf(stopConditions);
    rollback = List.copyOf(rollback);
    failureModes = List.copyOf(failureModes);
  }

  public GateResult gate(String type) {
    return gates.stream().filter(gate -> gate.type().equals(type)).findFirst().orElseThrow();
  }
}
