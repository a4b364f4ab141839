package io.flywheelgates.cli;

import java.util.Map;

/** The process environment as the commands see it; tests pass their own. */
record Environment(Map<String, String> variables, boolean interactive) {

  String get(String name) {
    String value = variables.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  /** Colour only for a person at a terminal who has not asked for none (https://no-color.org). */
  boolean colorWanted(boolean noColorOption) {
    return interactive && !noColorOption && get("NO_COLOR") == null;
  }
}
