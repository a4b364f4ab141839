package io.flywheelgates.facts;

import java.time.Instant;
import java.util.List;

/**
 * One workflow run. {@code jobs} null means its jobs were not gathered; an empty list means it had
 * none (for example a {@code startup_failure}).
 */
public record RunFact(
    long id,
    String name,
    String headBranch,
    String headSha,
    String event,
    String status,
    String conclusion,
    int runAttempt,
    Instant createdAt,
    String htmlUrl,
    List<JobFact> jobs) {

  public RunFact {
    jobs = jobs == null ? null : List.copyOf(jobs);
  }

  /** The same run with its jobs gathered. */
  public RunFact withJobs(List<JobFact> gathered) {
    return new RunFact(
        id,
        name,
        headBranch,
        headSha,
        event,
        status,
        conclusion,
        runAttempt,
        createdAt,
        htmlUrl,
        gathered);
  }

  public boolean isCompleted() {
    return "completed".equals(status);
  }
}
