package io.flywheelgates.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A workflow file and its runs, newest first (by creation time, then id). {@code found} false: the
 * repository has no such workflow.
 */
public record WorkflowFacts(
    String path, boolean found, long id, String name, String htmlUrl, List<RunFact> runs) {

  private static final Comparator<RunFact> NEWEST_FIRST =
      Comparator.comparing(RunFact::createdAt, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(RunFact::id, Comparator.reverseOrder());

  public WorkflowFacts {
    List<RunFact> sorted = new ArrayList<>(runs == null ? List.of() : runs);
    sorted.sort(NEWEST_FIRST);
    runs = List.copyOf(sorted);
  }
}
