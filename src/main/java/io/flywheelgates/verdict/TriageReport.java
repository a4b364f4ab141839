package io.flywheelgates.verdict;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Why lane jobs failed: every failed lane job among the newest default-branch runs of the workflows
 * the gates read, newest first, each with its cause and what showed it. {@code gaps} names evidence
 * that could not be read (a failure whose log is missing stays unclassified, never guessed).
 */
public record TriageReport(
    Instant evaluatedAt,
    Source source,
    List<Lane> lanes,
    List<Failure> failures,
    List<String> gaps) {

  public TriageReport {
    lanes = List.copyOf(lanes);
    failures = List.copyOf(failures);
    gaps = List.copyOf(gaps);
  }

  /** One lane of one workflow: how many runs were looked at, and failures by cause. */
  public record Lane(
      String repo, String workflow, String lane, int runsLookedAt, Map<String, Integer> causes) {
    public int failures() {
      return causes.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  public record Failure(
      String cause,
      String lane,
      String repo,
      String workflow,
      long runId,
      String runUrl,
      Instant createdAt,
      String job,
      String jobUrl,
      String matched) {}
}
