package io.flywheelgates.definition;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A named cause of failure, worded as the note words it. {@code logPatterns} are the symptoms a job
 * log shows; causes read from job metadata (runner registration, routing) have none. {@code
 * envDumpMarker} and {@code envMustHave} describe what a log lacks: when a line matches the marker
 * (the job printed its environment), each named variable must appear in it with a value.
 */
public record FailureMode(
    String id,
    String name,
    String noteRef,
    List<String> symptoms,
    String interpretation,
    List<String> response,
    List<Pattern> logPatterns,
    List<Pattern> failedStepPatterns,
    Pattern envDumpMarker,
    List<String> envMustHave) {

  /**
   * The lines a log excerpt must keep for this cause to be judged: its symptoms and its environment
   * dump.
   */
  public List<Pattern> linesToKeep() {
    List<Pattern> keep = new java.util.ArrayList<>(logPatterns);
    if (envDumpMarker != null) {
      keep.add(envDumpMarker);
      envMustHave.forEach(name -> keep.add(setPattern(name)));
    }
    return List.copyOf(keep);
  }

  /** {@code NAME=value} with a value: the variable is set. */
  public static Pattern setPattern(String name) {
    return Pattern.compile("\\b" + Pattern.quote(name) + "=\\S");
  }

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
