package io.flywheelgates.verdict;

import java.util.List;
import java.util.Map;

/**
 * One repository of the active set as its evidence classifies it.
 *
 * @param tier the tier id ({@code 0} ... {@code 4}, {@code X}); null when the repo is unclassified
 * @param summary why it is in that tier, or why it could not be classified, in one line
 * @param signals what the files and runs showed, by signal name (intent, template, proven, ...)
 * @param promotion the note's four promotion conditions, in its order
 * @param drift declared intent against observed placement, when they disagree (class C); else null
 * @param evidence the workflow files at their blob SHA and the runs the classification read
 */
public record RepoClassification(
    String repo,
    String tier,
    String meaning,
    boolean counted,
    String summary,
    Map<String, String> signals,
    List<Condition> promotion,
    String drift,
    List<Evidence> evidence) {

  public RepoClassification {
    signals = Map.copyOf(signals);
    promotion = List.copyOf(promotion);
    evidence = List.copyOf(evidence);
  }

  public boolean classified() {
    return tier != null;
  }

  public String tierLabel() {
    return tier == null ? "unclassified" : "Tier " + tier;
  }

  public static RepoClassification unclassified(String repo, String why) {
    return new RepoClassification(
        repo, null, null, false, why, Map.of(), List.of(), null, List.of());
  }

  /** A promotion condition: whether it holds, and what showed it. */
  public record Condition(String name, boolean holds, String detail) {}
}
