package io.flywheelgates.cli;

import io.flywheelgates.definition.Definitions;
import io.flywheelgates.definition.PolicyCase;
import io.flywheelgates.engine.Engine;
import io.flywheelgates.facts.Snapshot;
import io.flywheelgates.facts.SnapshotCodec;
import io.flywheelgates.verdict.CheckResult;
import io.flywheelgates.verdict.GateResult;
import io.flywheelgates.verdict.PrResult;
import io.flywheelgates.verdict.RolloutVerdict;
import io.flywheelgates.verdict.Source;
import io.flywheelgates.verdict.StopResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Runs one policy test case against the gate definitions and lists every expectation it misses. */
final class PolicyTests {
  private PolicyTests() {}

  static List<String> mismatches(Definitions definitions, PolicyCase policyCase) {
    Snapshot snapshot;
    try {
      snapshot = new SnapshotCodec().read(policyCase.snapshot());
    } catch (SnapshotCodec.UnreadableSnapshotException e) {
      return List.of(e.getMessage());
    }
    Set<String> prs = new LinkedHashSet<>(policyCase.verdicts().keySet());
    policyCase.checks().keySet().forEach(key -> prs.add(key.split("\\.", 2)[0]));
    policyCase.stops().keySet().forEach(key -> prs.add(key.split("\\.", 2)[0]));
    List<String> unknown = prs.stream().filter(id -> definitions.pr(id).isEmpty()).toList();
    if (!unknown.isEmpty()) {
      return List.of("names PRs the gate definitions do not define: " + String.join(", ", unknown));
    }
    Instant at = policyCase.at() != null ? policyCase.at() : snapshot.capturedAt();
    Source source =
        new Source(
            "snapshot", policyCase.snapshot().toString(), snapshot.apiUrl(), snapshot.capturedAt());
    RolloutVerdict verdict =
        new Engine().evaluate(definitions, snapshot.facts(), at, source, List.copyOf(prs));
    List<String> misses = new ArrayList<>();
    for (Map.Entry<String, String> expected : policyCase.verdicts().entrySet()) {
      PrResult pr = pr(verdict, expected.getKey());
      if (!pr.verdict().name().equals(expected.getValue())) {
        misses.add(
            expected.getKey()
                + ": expected "
                + expected.getValue()
                + ", got "
                + pr.verdict()
                + " ("
                + pr.reason()
                + ")");
      }
    }
    for (Map.Entry<String, String> expected : policyCase.checks().entrySet()) {
      String[] parts = expected.getKey().split("\\.", 3);
      Optional<CheckResult> check =
          parts.length < 3 ? Optional.empty() : check(pr(verdict, parts[0]), parts[1], parts[2]);
      if (check.isEmpty()) {
        misses.add(
            expected.getKey()
                + ": no such check (write it as pr.gate.check, e.g. pr-1.proof.default-branch-proof-per-lane)");
      } else if (!check.get().status().name().equals(expected.getValue())) {
        misses.add(
            expected.getKey()
                + ": expected "
                + expected.getValue()
                + ", got "
                + check.get().status()
                + " ("
                + check.get().summary()
                + ")");
      }
    }
    for (Map.Entry<String, String> expected : policyCase.stops().entrySet()) {
      String[] parts = expected.getKey().split("\\.", 2);
      Optional<StopResult> stop =
          parts.length < 2
              ? Optional.empty()
              : pr(verdict, parts[0]).stopConditions().stream()
                  .filter(s -> s.id().equals(parts[1]))
                  .findFirst();
      if (stop.isEmpty()) {
        misses.add(
            expected.getKey()
                + ": no such stop condition (write it as pr.stop, e.g. pr-1.lane-repeatedly-fails)");
      } else if (!stop.get().state().name().equals(expected.getValue())) {
        misses.add(
            expected.getKey()
                + ": expected "
                + expected.getValue()
                + ", got "
                + stop.get().state()
                + " ("
                + stop.get().summary()
                + ")");
      }
    }
    return misses;
  }

  private static PrResult pr(RolloutVerdict verdict, String id) {
    return verdict.prs().stream().filter(pr -> pr.id().equals(id)).findFirst().orElseThrow();
  }

  private static Optional<CheckResult> check(PrResult pr, String gate, String id) {
    for (GateResult result : pr.gates()) {
      if (result.type().equals(gate)) {
        return result.checks().stream().filter(check -> check.id().equals(id)).findFirst();
      }
    }
    return Optional.empty();
  }
}
