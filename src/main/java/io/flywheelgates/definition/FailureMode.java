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
    List<Pattern> logPatterns) {}
