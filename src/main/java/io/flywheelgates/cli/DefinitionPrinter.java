package io.flywheelgates.cli;

import io.flywheelgates.definition.Definitions;
import io.flywheelgates.definition.FailureMode;
import io.flywheelgates.definition.GateType;
import io.flywheelgates.definition.PrDefinition;
import io.flywheelgates.definition.Rule;
import io.flywheelgates.definition.RuleWords;
import io.flywheelgates.definition.StopCondition;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints definitions for {@code list} and {@code explain}: what is defined, not what was observed.
 */
final class DefinitionPrinter {
  private final PrintWriter out;

  DefinitionPrinter(PrintWriter out) {
    this.out = out;
  }

  void list(Definitions definitions) {
    out.println(definitions.rollout().name() + " (" + definitions.origin() + ")");
    int order = 1;
    for (PrDefinition pr : definitions.prs()) {
      StringBuilder gates = new StringBuilder();
      for (GateType type : GateType.values()) {
        gates
            .append(gates.length() == 0 ? "" : " ")
            .append(type.key())
            .append(':')
            .append(pr.rules(type).size());
      }
      out.printf(
          "%d. %-5s %-38s %-32s after: %-5s gates %s stops:%d%n",
          order++,
          pr.id(),
          pr.title(),
          pr.repo(),
          pr.after().isEmpty() ? "-" : String.join(",", pr.after()),
          gates,
          pr.stopConditions().size());
    }
  }

  void explain(Definitions definitions, PrDefinition pr) {
    out.println(pr.id() + ": " + pr.title());
    out.println("  repo: " + pr.repo());
    if (pr.pullRequest() != null) {
      out.println("  pull request: " + pr.pullRequest());
    }
    out.println(
        "  waits for: "
            + (pr.after().isEmpty()
                ? "nothing (it goes first)"
                : String.join(", ", pr.after()) + " to be GO"));
    for (GateType type : GateType.values()) {
      out.println();
      out.println(
          "  "
              + type.key()
              + " gate"
              + (type == GateType.REPORTING
                  ? " (waits until code, proof and stability pass)"
                  : ""));
      for (Rule rule : pr.rules(type)) {
        out.println("    - " + rule.id() + ": " + rule.describe());
        out.println("        checks: " + RuleWords.of(rule));
      }
      if (type == GateType.REPORTING) {
        out.println(
            "    - minimum evidence: one merged PR reference, one successful workflow run reference, one classification row");
        if (pr.classificationRow() != null) {
          out.println("        classification row: " + RuleWords.of(pr.classificationRow()));
        }
      }
    }
    out.println();
    out.println("  stop conditions");
    if (pr.stopConditions().isEmpty()) {
      out.println("    (none)");
    }
    for (StopCondition stop : pr.stopConditions()) {
      out.println("    - " + stop.id() + ": " + stop.describe());
      out.println("        fires when: " + RuleWords.of(stop.when()));
      if (!stop.blocks().isEmpty()) {
        out.println("        blocks: " + String.join(", ", stop.blocks()));
      }
      stop.response().forEach(step -> out.println("        response: " + step));
    }
    out.println();
    out.println("  rollback rules");
    bullets(pr.rollback().isEmpty() ? List.of("(none defined)") : pr.rollback());
    if (!pr.failureModes().isEmpty()) {
      out.println();
      out.println("  failure modes to watch");
      for (String id : pr.failureModes()) {
        FailureMode mode = definitions.rollout().failureMode(id).orElseThrow();
        out.println(
            "    - "
                + mode.id()
                + ": "
                + mode.name()
                + (mode.noteRef() == null ? "" : " (" + mode.noteRef() + ")"));
        out.println("        means: " + mode.interpretation());
        mode.response().forEach(step -> out.println("        response: " + step));
      }
    }
    out.flush();
  }

  private void bullets(List<String> lines) {
    lines.forEach(line -> out.println("    - " + line));
  }
}
