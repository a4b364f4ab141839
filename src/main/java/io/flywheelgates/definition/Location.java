package io.flywheelgates.definition;

/**
 * Where something was written: {@code file:line:col}, 1-based, as editors and CI annotations
 * expect.
 */
public record Location(String file, int line, int column) {

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
