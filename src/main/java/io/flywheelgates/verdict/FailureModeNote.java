package io.flywheelgates.verdict;

import java.util.List;

/** A failure mode the PR watches for, worded as the note words it. */
public record FailureModeNote(
    String id, String name, String noteRef, String interpretation, List<String> response) {}
