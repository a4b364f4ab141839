package io.flywheelgates.verdict;

import java.time.Instant;
import java.util.List;

/** The verdict over the PRs asked about: the worst of theirs. */
public record RolloutVerdict(
    Instant evaluatedAt, Source source, Verdict verdict, List<PrResult> prs) {
  public RolloutVerdict {
    prs = List.copyOf(prs);
  }
}
