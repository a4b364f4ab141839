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
      // Written out rather than composed from Comparator.comparing: the JDK's composed comparators
      // are lambdas spun at run time, which no start-up archive keeps.
      (a, b) -> {
        if (a.createdAt() == null || b.createdAt() == null) {
          int nulls = Boolean.compare(a.createdAt() == null, b.createdAt() == null);
          if (nulls != 0) {
            return nulls;
          }
        } else {
          int byTime = b.createdAt().compareTo(a.createdAt());
          if (byTime != 0) {
            return byTime;
          }
        }
        return Long.compare(b.id(), a.id());
      };

  public WorkflowFacts {
    List<RunFact> sorted = new ArrayList<>(runs == null ? List.of() : runs);
    sorted.sort(NEWEST_FIRST);
    runs = List.copyOf(sorted);
  }
}
