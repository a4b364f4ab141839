package io.flywheelgates.verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * The note's minimum evidence a completed PR leaves behind; null where it is missing. Without all
 * three a PR is not complete enough to cite.
 */
public record EvidenceArtifacts(String mergedPr, String successfulRun, String classificationRow) {

  public List<String> missing() {
    List<String> missing = new ArrayList<>();
    if (mergedPr == null) {
      missing.add("a merged PR reference");
    }
    if (successfulRun == null) {
      missing.add("a successful workflow run reference");
    }
    if (classificationRow == null) {
      missing.add("a classification row or scorecard entry");
    }
    return missing;
  }
}
