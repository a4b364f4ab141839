package io.flywheelgates.facts;

import java.time.Instant;
import java.util.List;

/**
 * A recorded set of facts, format {@value #SCHEMA}: when and from which API it was captured, and
 * what was observed. {@code check --snapshot} evaluates it with no network.
 */
public record Snapshot(
    String schema, Instant capturedAt, String apiUrl, List<RepoFacts> repositories) {
  public static final String SCHEMA = "flywheel-gates/snapshot@1";

  public Snapshot {
    repositories = repositories == null ? List.of() : List.copyOf(repositories);
  }

  public static Snapshot of(Instant capturedAt, String apiUrl, Facts facts) {
    return new Snapshot(SCHEMA, capturedAt, apiUrl, facts.repositories());
  }

  public Facts facts() {
    return new Facts(repositories);
  }
}
