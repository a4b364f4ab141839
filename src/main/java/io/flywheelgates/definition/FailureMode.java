package io.flywheelgates.definition;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A named cause of failure, worded as the note words it. {@code logPatterns} are the symptoms a job
 * log shows; causes read from job metadata (runner registration, routing) have none.
 */
public record FailureMode(
    String id,
    String name,
    String noteRef,
    List<String> symptoms,
    String interpretation,
    List<String> response,
    List<Pattern> logPatterns,
    List<Pattern> failedStepPatterns) {

  /**
   * Whether this cause can apply to a job whose failed step has this name: when {@code
   * failedStepPatterns} are given (workspace pollution shows in checkout and cleanup steps, a
   * publish failure in publish steps), one must match.
   */
  public boolean appliesToStep(String failedStep) {
    return failedStepPatterns.isEmpty()
        || (failedStep != null
            && failedStepPatterns.stream().anyMatch(p -> p.matcher(failedStep).find()));
  }
}
