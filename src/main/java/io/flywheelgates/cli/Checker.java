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
import java.time.Instant;
import java.util.List;

/** The {@code check} use case: which PRs, which facts, which instant; then the engine. */
final class Checker {
  private Checker() {}

  static RolloutVerdict check(Definitions definitions, List<String> ids, EvaluationOptions options)
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
    return new Engine().evaluate(definitions, snapshot.facts(), at, source, ids);
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
