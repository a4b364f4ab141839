package io.flywheelgates.verdict;

import java.time.Instant;

/**
 * Where the facts came from: {@code kind} is "github" or "snapshot"; {@code file} is set for a
 * snapshot.
 */
public record Source(String kind, String file, String apiUrl, Instant capturedAt) {}
