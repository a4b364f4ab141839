package io.flywheelgates.cli;

import io.flywheelgates.definition.Definitions;
import io.flywheelgates.definition.PrDefinition;
import io.flywheelgates.engine.Engine;
import io.flywheelgates.facts.Snapshot;
import io.flywheelgates.facts.SnapshotCodec.UnreadableSnapshotException;
import io.flywheelgates.report.GitHubAnnotationRenderer;
import io.flywheelgates.report.JsonRenderer;
import io.flywheelgates.report.JunitRenderer;
import io.flywheelgates.report.MarkdownRenderer;
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
   * Evaluates from the snapshot when one is named, else from GitHub live; with {@code verbose} it
   * also says on stderr what it read and how long it took.
   */
  static RolloutVerdict check(
      Definitions definitions,
      List<String> ids,
      EvaluationOptions options,
      GitHubOptions github,
      Environment environment,
      PrintWriter err)
      throws UnreadableSnapshotException {
    requireDefined(definitions, ids);
    PrintWriter log = options.verbose ? err : null;
    if (log != null) {
      log.println("gates: " + definitions.origin() + " (" + definitions.prs().size() + " PRs)");
    }
    if (options.snapshot == null) {
      return LiveEvidence.run(
          LiveEvidence.engineStep(definitions, ids),
          definitions,
          options,
          github,
          environment,
          err);
    }
    EvaluationOptions.Offline offline = options.offline();
    Snapshot snapshot = offline.snapshot();
    Instant at = offline.at();
    Source source = offline.source();
    if (log != null) {
      long runs = snapshot.facts().runCount();
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
      case markdown -> new MarkdownRenderer();
      case junit -> new JunitRenderer();
      case github -> new GitHubAnnotationRenderer();
    };
  }
}
