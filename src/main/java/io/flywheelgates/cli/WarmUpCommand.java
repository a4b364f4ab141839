package io.flywheelgates.cli;

import io.flywheelgates.definition.DefinitionLoader;
import io.flywheelgates.definition.Definitions;
import io.flywheelgates.engine.Engine;
import io.flywheelgates.facts.Snapshot;
import io.flywheelgates.facts.SnapshotCodec;
import io.flywheelgates.report.JsonRenderer;
import io.flywheelgates.report.MarkdownRenderer;
import io.flywheelgates.report.TextRenderer;
import io.flywheelgates.verdict.RolloutVerdict;
import io.flywheelgates.verdict.Source;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * The run the launcher records a class-data-sharing archive from: everything a usual check loads
 * (gate files, a snapshot, the engine, the renderers), on the example bundled in the jar, with no
 * output. Hidden: not for users.
 */
@Command(
    name = "warm-up",
    hidden = true,
    description = "Loads what a check loads, for the start-up archive.")
final class WarmUpCommand implements Callable<Integer> {
  private static final String EXAMPLE = "examples/rollout-2026-04-17-evening.json";

  @Override
  public Integer call() throws Exception {
    Definitions definitions = new DefinitionLoader().loadBundled();
    Snapshot snapshot;
    try (InputStream in = WarmUpCommand.class.getClassLoader().getResourceAsStream(EXAMPLE)) {
      if (in == null) {
        return ExitCode.GO.code;
      }
      snapshot = new SnapshotCodec().read(in, EXAMPLE);
    }
    Source source = new Source("snapshot", EXAMPLE, snapshot.apiUrl(), snapshot.capturedAt());
    RolloutVerdict verdict =
        new Engine()
            .evaluate(definitions, snapshot.facts(), snapshot.capturedAt(), source, List.of());
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    new TextRenderer(false).render(verdict, nowhere);
    new JsonRenderer().render(verdict, nowhere);
    new MarkdownRenderer().render(verdict, nowhere);
    return ExitCode.GO.code;
  }
}
