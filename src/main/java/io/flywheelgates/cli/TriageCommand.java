package io.flywheelgates.cli;

import io.flywheelgates.definition.Definitions;
import io.flywheelgates.engine.Triage;
import io.flywheelgates.report.TriageRenderer;
import io.flywheelgates.verdict.TriageReport;
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
    name = "triage",
    mixinStandardHelpOptions = true,
    description = {
      "Says why lane jobs failed: per lane, the classified failures of the newest default-branch runs.",
      "",
      "A failed job's cause is runner-registration, routing, missing-contract, workspace-pollution or",
      "hosted-publish, or unclassified, which never counts as a named cause. (synthetic-proof is read from",
      "the proof workflow by 'check'.) Exit 0 when every failure could be read, 4 when some evidence could not be."
    })
final class TriageCommand implements Callable<Integer> {
  @ParentCommand FlywheelGatesCommand parent;
  @Spec CommandSpec spec;
  @Mixin GatesOption gates;
  @Mixin EvaluationOptions options;
  @Mixin GitHubOptions github;

  @Parameters(
      paramLabel = "PR_ID",
      arity = "0..*",
      description = "Triage the workflows these PRs' gates read. Default: all.")
  List<String> ids = new ArrayList<>();

  @Option(
      names = "--repo",
      paramLabel = "OWNER/NAME",
      description = "Only this repository's workflows.")
  String repo;

  @Option(
      names = "--last",
      paramLabel = "N",
      defaultValue = "20",
      description =
          "How many of the newest completed default-branch runs per workflow. Default: ${DEFAULT-VALUE}.")
  int last;

  @Override
  public Integer call() throws Exception {
    Definitions definitions = gates.load();
    Checker.requireDefined(definitions, ids);
    if (options.format != EvaluationOptions.Format.text
        && options.format != EvaluationOptions.Format.json) {
      throw new UsageException("triage prints --format text or json");
    }
    if (last < 1) {
      throw new UsageException("--last must be at least 1");
    }
    Triage triage = new Triage();
    TriageReport report =
        LiveEvidence.run(
            (facts, at, source) -> {
              Triage.Result result = triage.triage(definitions, facts, at, source, ids, repo, last);
              return new LiveEvidence.Step<>(result.report(), result.missing());
            },
            definitions,
            options,
            github,
            parent.environment,
            spec.commandLine().getErr());
    TriageRenderer renderer = new TriageRenderer();
    if (options.format == EvaluationOptions.Format.json) {
      renderer.json(report, spec.commandLine().getOut());
    } else {
      renderer.text(report, spec.commandLine().getOut());
    }
    return report.gaps().isEmpty() ? ExitCode.GO.code : ExitCode.INCONCLUSIVE.code;
  }
}
