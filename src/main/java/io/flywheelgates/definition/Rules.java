package io.flywheelgates.definition;

import java.util.function.Consumer;

/** Walks rule trees. */
public final class Rules {
  private Rules() {}

  /**
   * Visits every rule of a PR, nested ones included: gates, stop conditions and the classification
   * row.
   */
  public static void walk(PrDefinition pr, Consumer<Rule> visitor) {
    pr.gates().values().forEach(rules -> rules.forEach(rule -> walk(rule, visitor)));
    pr.stopConditions().forEach(stop -> walk(stop.when(), visitor));
    if (pr.classificationRow() != null) {
      walk(pr.classificationRow(), visitor);
    }
  }

  public static void walk(Rule rule, Consumer<Rule> visitor) {
    if (rule == null) {
      return;
    }
    visitor.accept(rule);
    if (rule instanceof Rule.AllOf all) {
      all.rules().forEach(child -> walk(child, visitor));
    } else if (rule instanceof Rule.AnyOf any) {
      any.rules().forEach(child -> walk(child, visitor));
    } else if (rule instanceof Rule.Not not) {
      walk(not.rule(), visitor);
    }
  }
}
