package io.flywheelgates.verdict;

import java.util.List;

/**
 * What one rule found. {@code needs} is the least that would flip it, present whenever it does not
 * pass. {@code attested} marks a result that a person vouched for rather than one that was
 * measured.
 */
public record CheckResult(
    String id,
    String describe,
    Status status,
    String summary,
    String needs,
    boolean attested,
    List<Evidence> evidence) {

  public CheckResult {
    evidence = List.copyOf(evidence);
  }
}
