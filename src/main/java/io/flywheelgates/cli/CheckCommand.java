package io.flywheelgates.cli;

import io.flywheelgates.definition.Definitions;
import io.flywheelgates.report.VerdictDiff;
import io.flywheelgates.verdict.RolloutVerdict;
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
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluates rollout PRs and prints each verdict with its evidence.",
      "",
      "A PR is GO, NO_GO, BLOCKED, STOP or INCONCLUSIVE; every check shows what it found, its evidence",
      "and, when it does not pass, what would flip it. The exit code follows the worst verdict."
    })
final class CheckCommand implements Callable<Integer> {
  @ParentCommand FlywheelGatesCommand parent;
  @Spec CommandSpec spec;
  @Mixin GatesOption gates;
  @Mixin EvaluationOptions options;
  @Mixin GitHubOptions github;

  @Parameters(
      paramLabel = "PR_ID",
      arity = "0..*",
      description = "PRs to evaluate, e.g. pr-2 (see 'list').")
  List<String> ids = new ArrayList<>();

  @Option(names = "--all", description = "Evaluate every PR of the rollout.")
  boolean all;

  @Option(
      names = "--since-verdict",
      paramLabel = "FILE",
      description =
          "Print only what changed against a saved JSON verdict (flipped verdicts, checks and stop conditions; new evidence), in text or json.")
  java.nio.file.Path sinceVerdict;

  @Option(
      names = "--verdict-file",
      paramLabel = "FILE",
      description =
          "Also write the JSON verdict to FILE, whatever --format prints (for CI steps that need both).")
  java.nio.file.Path verdictFile;

  @Override
  public Integer call() throws Exception {
    if (ids.isEmpty() == !all) {
      throw new UsageException(
          all
              ? "give PR ids or --all, not both"
              : "name the PRs to check (e.g. 'check pr-2') or use --all");
    }
    if (sinceVerdict != null
        && options.format != EvaluationOptions.Format.text
        && options.format != EvaluationOptions.Format.json) {
      throw new UsageException("--since-verdict prints the changes as --format text or json");
    }
    Definitions definitions = gates.load();
    RolloutVerdict verdict =
        Checker.check(
            definitions, ids, options, github, parent.environment, spec.commandLine().getErr());
    boolean color =
        parent.environment.colorWanted(options.noColor)
            && options.format == EvaluationOptions.Format.text;
    if (sinceVerdict != null) {
      VerdictDiff diff = new VerdictDiff(SavedVerdict.read(sinceVerdict), verdict);
      if (options.format == EvaluationOptions.Format.json) {
        diff.json(spec.commandLine().getOut());
      } else {
        diff.text(spec.commandLine().getOut());
      }
    } else {
      Checker.renderer(options.format, color).render(verdict, spec.commandLine().getOut());
    }
    StepSummary.appendIfInActions(parent.environment, verdict, spec.commandLine().getErr());
    if (verdictFile != null) {
      try (java.io.PrintWriter file =
          new java.io.PrintWriter(
              java.nio.file.Files.newBufferedWriter(
                  verdictFile, java.nio.charset.StandardCharsets.UTF_8))) {
        new io.flywheelgates.report.JsonRenderer().render(verdict, file);
      } catch (java.io.IOException e) {
        throw new UsageException(
            "cannot write the verdict to " + verdictFile + ": " + e.getMessage());
      }
    }
    return ExitCode.of(verdict.verdict()).code;
  }
}
