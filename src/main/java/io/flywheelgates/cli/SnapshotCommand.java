package io.flywheelgates.cli;

import io.flywheelgates.definition.Definitions;
import io.flywheelgates.facts.Snapshot;
import io.flywheelgates.facts.SnapshotCodec;
import io.flywheelgates.github.GitHubFactSource;
import io.flywheelgates.verdict.RolloutVerdict;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description = {
      "Fetches every fact the named PRs' gates need from GitHub and writes them to a snapshot file.",
      "",
      "'check --snapshot FILE' then gives the verdict the live run would have given, offline.",
      "Exit 0 when every fact was obtained, 4 when some could not be (the snapshot is written all the same)."
    })
final class SnapshotCommand implements Callable<Integer> {
  @ParentCommand FlywheelGatesCommand parent;
  @Spec CommandSpec spec;
  @Mixin GatesOption gates;
  @Mixin GitHubOptions github;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      required = true,
      description = "The snapshot file to write.")
  Path output;

  @Parameters(
      paramLabel = "PR_ID",
      arity = "0..*",
      description = "PRs whose facts to record. Default: all.")
  List<String> ids = new ArrayList<>();

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      converter = EvaluationOptions.InstantConverter.class,
      description =
          "The capture time recorded, and the evaluation time used to decide what is needed. Default: now.")
  Instant at;

  @Option(
      names = {"-v", "--verbose"},
      description = "List each request on stderr, and what it cost.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    Definitions definitions = gates.load();
    Checker.requireDefined(definitions, ids);
    Path parentDir = output.toAbsolutePath().getParent();
    if (parentDir == null || !Files.isDirectory(parentDir)) {
      throw new UsageException("cannot write " + output + ": its directory does not exist");
    }
    PrintWriter err = spec.commandLine().getErr();
    Instant capturedAt = at != null ? at : Instant.now();
    try (GitHubFactSource source = github.open(definitions, parent.environment, err, verbose)) {
      LiveEvidence.Outcome<RolloutVerdict> outcome =
          LiveEvidence.verdict(
              definitions,
              ids,
              capturedAt,
              source,
              github.deadline(),
              err,
              verbose,
              Progress.forPerson(parent.environment, true, verbose, err));
      Snapshot snapshot = Snapshot.of(capturedAt, source.apiUrl(), outcome.facts());
      new SnapshotCodec().write(snapshot, output);
      long runs = snapshot.facts().runCount();
      err.println(
          "flywheel-gates: wrote "
              + output
              + ": "
              + snapshot.repositories().size()
              + " repositories, "
              + runs
              + " runs, captured "
              + capturedAt);
      err.flush();
      return source.unobtainable().isEmpty() ? ExitCode.GO.code : ExitCode.INCONCLUSIVE.code;
    }
  }
}
