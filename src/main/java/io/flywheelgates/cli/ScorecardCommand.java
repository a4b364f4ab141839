package io.flywheelgates.cli;

import io.flywheelgates.definition.Definitions;
import io.flywheelgates.engine.Scorecards;
import io.flywheelgates.report.ScorecardRenderer;
import io.flywheelgates.verdict.Scorecard;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "scorecard",
    mixinStandardHelpOptions = true,
    description = {
      "Classifies the rollout's repositories into tiers from evidence and counts the runner dogfood.",
      "",
      "The table has the note's shape (Tier | Meaning | Repos | Count), then the runner-dogfood count (Tier 3 +"
          + " Tier 4 over the active set) and, per repo, why it is in its tier with the workflow files and runs"
          + " that show it. A repo whose evidence could not be read is listed as unclassified, never guessed.",
      "",
      "--check FILE compares a published scorecard (the Markdown table as GloriousFlywheel writes it) with the"
          + " computed one and lists every divergence.",
      "",
      "Exit codes: 0 computed (and, with --check, FILE matches); 1 FILE diverges; 2 usage error or a FILE"
          + " without a scorecard table; 4 some repo's evidence could not be read."
    })
final class ScorecardCommand implements Callable<Integer> {
  @ParentCommand FlywheelGatesCommand parent;
  @Spec CommandSpec spec;
  @Mixin GatesOption gates;
  @Mixin EvaluationOptions options;
  @Mixin GitHubOptions github;

  @Option(
      names = "--check",
      paramLabel = "FILE",
      description =
          "A published scorecard (Markdown) to compare with the computed one; exit 1 when they diverge.")
  Path check;

  @Override
  public Integer call() throws Exception {
    if (options.format != EvaluationOptions.Format.text
        && options.format != EvaluationOptions.Format.json
        && options.format != EvaluationOptions.Format.markdown) {
      throw new UsageException("scorecard prints --format text, json or markdown");
    }
    Definitions definitions = gates.load();
    if (definitions.rollout().scorecard() == null) {
      throw new UsageException(
          "the rollout file of "
              + definitions.origin()
              + " has no 'scorecard' section (see docs/gate-format.md)");
    }
    Scorecards.Published published = check == null ? null : readPublished(check);
    Scorecard scorecard =
        LiveEvidence.run(
            (facts, at, source) -> {
              Scorecards.Result result =
                  Scorecards.score(definitions, facts, at, source, published);
              return new LiveEvidence.Step<>(result.scorecard(), result.missing());
            },
            definitions,
            options,
            github,
            parent.environment,
            spec.commandLine().getErr());
    ScorecardRenderer renderer = new ScorecardRenderer();
    switch (options.format) {
      case json -> renderer.json(scorecard, spec.commandLine().getOut());
      case markdown -> renderer.markdown(scorecard, spec.commandLine().getOut());
      default -> renderer.text(scorecard, spec.commandLine().getOut());
    }
    if (scorecard.comparison() != null && !scorecard.comparison().divergences().isEmpty()) {
      return ExitCode.NO_GO.code;
    }
    return scorecard.unclassified().isEmpty() ? ExitCode.GO.code : ExitCode.INCONCLUSIVE.code;
  }

  /** The published scorecard, refused with a clear message when it is not one. */
  private static Scorecards.Published readPublished(Path file) throws UsageException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UsageException("--check: " + file + " does not exist");
    } catch (MalformedInputException e) {
      throw new UsageException("--check: " + file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new UsageException("--check: cannot read " + file + ": " + e.getMessage());
    }
    if (!Scorecards.isScorecard(text)) {
      throw new UsageException(
          "--check: "
              + file
              + " has no scorecard table (a Markdown table with the columns Tier | Meaning | Repos |"
              + " Count) and no runner-dogfood line");
    }
    return new Scorecards.Published(file.toString(), text);
  }
}
