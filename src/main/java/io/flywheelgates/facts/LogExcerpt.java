package io.flywheelgates.facts;

import java.util.List;

/**
 * The part of a job log worth keeping: lines that matched a failure signature and the tail. {@code
 * totalLines} is the length of the whole log, so a reader knows how much was left out.
 */
public record LogExcerpt(List<Line> lines, long totalLines) {
  public LogExcerpt {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  public record Line(long number, String text) {}
}
