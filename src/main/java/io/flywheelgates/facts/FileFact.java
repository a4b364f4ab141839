package io.flywheelgates.facts;

/**
 * A file at a ref. {@code exists} false: GitHub answered 404. {@code content} is the decoded text
 * when it exists.
 */
public record FileFact(
    String path, String ref, boolean exists, String sha, String htmlUrl, String content) {}
