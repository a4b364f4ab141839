package io.flywheelgates.definition;

import java.util.List;

/** The gate definitions cannot be used; carries every problem found, not just the first. */
public final class InvalidDefinitionsException extends Exception {
  private final transient List<Problem> problems;

  public InvalidDefinitionsException(List<Problem> problems) {
    super(problems.size() + " problem(s) in the gate definitions");
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
