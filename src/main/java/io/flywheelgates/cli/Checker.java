package io.flywheelgates.cli;

import io.flywheelgates.definition.Definitions;
import io.flywheelgates.definition.PrDefinition;
import io.flywheelgates.engine.Engine;
import io.flywheelgates.facts.Snapshot;
import io.flywheelgates.facts.SnapshotCodec;
import io.flywheelgates.facts.SnapshotCodec.UnreadableSnapshotException;
import io.flywheelgates.report.JsonRenderer;
import io.flywheelgates.report.Renderer;
import io.flywheelgates.report.TextRenderer;
import io.flywheelgates.verdict.RolloutVerdict;
import io.flywheelgates.verdict.Source;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/** The {@code check} use case: which PRs, which facts, which instant; then the engine. */
final class Checker {
  private Checker() {}

  /**
   * Evaluates; with {@code log} (verbose) it also says what it read and how long evaluation took.
   */
  static RolloutVerdict check(
      Definitions definitions, List<String> ids, EvaluationOptions options, PrintWriter log)
      throws UnreadableSnapshotException {
    requireDefined(definitions, ids);
    if (options.snapshot == null) {
      throw new UsageException(
          "live evidence from GitHub is not available in this version yet; evaluate a recorded snapshot with"
              + " --snapshot FILE (for example: --snapshot examples/rollout-2026-04-17-evening.json)");
    }
    Snapshot snapshot = new SnapshotCodec().read(options.snapshot);
    Instant at = options.at != null ? options.at : snapshot.capturedAt();
    Source source =
        new Source(
            "snapshot", options.snapshot.toString(), snapshot.apiUrl(), snapshot.capturedAt());
    if (log != null) {
      long runs =
          snapshot.repositories().stream()
              .flatMap(repo -> repo.workflows().stream())
              .mapToLong(workflow -> workflow.runs().size())
              .sum();
      log.println("gates: " + definitions.origin() + " (" + definitions.prs().size() + " PRs)");
      log.println(
          "facts: snapshot "
              + options.snapshot
              + ": "
              + snapshot.repositories().size()
              + " repositories, "
              + runs
              + " runs, captured "
              + snapshot.capturedAt()
              + " from "
              + snapshot.apiUrl());
    }
    long started = System.nanoTime();
    RolloutVerdict verdict = new Engine().evaluate(definitions, snapshot.facts(), at, source, ids);
    if (log != null) {
      log.printf(
          "evaluated %d PR(s) at %s in %.1f ms%n",
          verdict.prs().size(), at, (System.nanoTime() - started) / 1e6);
      log.flush();
    }
    return verdict;
  }

  static void requireDefined(Definitions definitions, List<String> ids) {
    for (String id : ids) {
      if (definitions.pr(id).isEmpty()) {
        throw new UsageException(
            "unknown PR '"
                + id
                + "'; the gate definitions ("
                + definitions.origin()
                + ") define "
                + String.join(", ", definitions.prs().stream().map(PrDefinition::id).toList())
                + " (see 'flywheel-gates list')");
      }
    }
  }

  static Renderer renderer(EvaluationOptions.Format format, boolean color) {
    return switch (format) {
      case text -> new TextRenderer(color);
      case json -> new JsonRenderer();
    };
  }
}
