package io.flywheelgates.definition;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A policy test: a snapshot, an optional evaluation instant, and what the gates must conclude from
 * it. {@code verdicts} maps PR ids to verdicts; {@code checks} maps {@code pr.gate.check} to
 * statuses; {@code stops} maps {@code pr.stop} to CLEAR, TRIGGERED or UNDECIDED.
 */
public record PolicyCase(
    String file,
    String describe,
    Path snapshot,
    Instant at,
    Map<String, String> verdicts,
    Map<String, String> checks,
    Map<String, String> stops) {}
