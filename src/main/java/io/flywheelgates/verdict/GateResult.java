package io.flywheelgates.verdict;

import java.util.List;

/** One of a PR's four gates ({@code type}: code, proof, stability, reporting) and its checks. */
public record GateResult(String type, Status status, List<CheckResult> checks) {
  public GateResult {
    checks = List.copyOf(checks);
  }
}
