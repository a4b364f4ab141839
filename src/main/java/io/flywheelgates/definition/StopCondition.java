package io.flywheelgates.definition;

import java.util.List;

/**
 * A condition that halts the rollout when its rule passes: the PRs it {@code blocks} cannot proceed
 * and the note's {@code response} applies.
 */
public record StopCondition(
    String id,
    String describe,
    Location location,
    Rule when,
    List<String> blocks,
    List<String> response,
    List<String> failureModes) {}
