package io.flywheelgates.facts;

import java.time.Instant;
import java.util.List;

/**
 * One job of a run. {@code labels} are the {@code runs-on} labels it asked for; {@code runnerName}
 * null means it never got a runner. {@code log} null means its log was not gathered.
 */
public record JobFact(
    long id,
    String name,
    String status,
    String conclusion,
    List<String> labels,
    String runnerName,
    String runnerGroupName,
    Instant startedAt,
    Instant completedAt,
    String htmlUrl,
    List<StepFact> steps,
    LogExcerpt log) {

  public JobFact {
    labels = labels == null ? List.of() : List.copyOf(labels);
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  /** The same job with its log excerpt gathered. */
  public JobFact withLog(LogExcerpt gathered) {
    return new JobFact(
        id,
        name,
        status,
        conclusion,
        labels,
        runnerName,
        runnerGroupName,
        startedAt,
        completedAt,
        htmlUrl,
        steps,
        gathered);
  }

  public record StepFact(int number, String name, String status, String conclusion) {}
}
