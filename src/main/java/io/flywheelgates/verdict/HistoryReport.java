package io.flywheelgates.verdict;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The recent default-branch history of a PR's lanes: per lane, the newest runs oldest first, each
 * with its outcome on that lane (and the failure's cause), and the current streak.
 */
public record HistoryReport(
    Instant evaluatedAt, Source source, String pr, List<Lane> lanes, List<String> gaps) {
  public HistoryReport {
    lanes = List.copyOf(lanes);
    gaps = List.copyOf(gaps);
  }

  /** {@code outcome}: success, failure or none (no job on the lane, or it was skipped). */
  public record Run(
      long runId, Instant createdAt, String url, String outcome, String cause, String matched) {}

  /** The newest unbroken run of one outcome; {@code causes} counts the failures' causes. */
  public record Streak(String outcome, int length, Map<String, Integer> causes) {}

  public record Lane(String repo, String workflow, String lane, List<Run> runs, Streak streak) {
    public Lane {
      runs = List.copyOf(runs);
    }
  }
}
