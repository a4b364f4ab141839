package io.flywheelgates.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * The run the launcher records a class-data-sharing archive from: the commands people run most,
 * through the same command line as theirs (options, gate files, a snapshot, the engine, the
 * renderers), on the example bundled in the jar, with no output. Hidden: not for users.
 */
@Command(
    name = "warm-up",
    hidden = true,
    description = "Runs what a check runs, for the start-up archive.")
final class WarmUpCommand implements Callable<Integer> {
  private static final String EXAMPLE = "examples/rollout-2026-04-17-evening.json";

  @ParentCommand FlywheelGatesCommand parent;

  @Override
  public Integer call() throws Exception {
    Path snapshot = Files.createTempFile("flywheel-gates-warm-up", ".json");
    try (InputStream in = WarmUpCommand.class.getClassLoader().getResourceAsStream(EXAMPLE)) {
      if (in == null) {
        return ExitCode.GO.code;
      }
      Files.copy(in, snapshot, StandardCopyOption.REPLACE_EXISTING);
      PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
      // The user's environment, so the gate files found are the ones their runs will read; but not
      // GitHub Actions', or the warm-up's verdicts would land in the job's step summary.
      Map<String, String> env = new HashMap<>(parent.environment.variables());
      env.keySet().removeIf(name -> name.startsWith("GITHUB_"));
      for (List<String> args :
          List.of(
              List.of("check", "--all", "--snapshot", snapshot.toString()),
              List.of("check", "pr-1", "--snapshot", snapshot.toString(), "--format", "json"),
              List.of("scorecard", "--snapshot", snapshot.toString()))) {
        Main.run(args.toArray(String[]::new), nowhere, nowhere, env, false);
      }
      return ExitCode.GO.code;
    } finally {
      Files.deleteIfExists(snapshot);
    }
  }
}
