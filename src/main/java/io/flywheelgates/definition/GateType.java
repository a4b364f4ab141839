package io.flywheelgates.definition;

import java.util.Locale;

/** The note's four gate types, in the order they must pass. */
public enum GateType {
  CODE,
  PROOF,
  STABILITY,
  REPORTING;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
