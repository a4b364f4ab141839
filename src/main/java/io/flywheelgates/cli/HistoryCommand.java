package io.flywheelgates.cli;

import io.flywheelgates.definition.Definitions;
import io.flywheelgates.engine.History;
import io.flywheelgates.report.HistoryRenderer;
import io.flywheelgates.verdict.HistoryReport;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "Shows a PR's lanes over time: the newest default-branch runs as a strip per lane, newest right.",
      "",
      "Each failure is shown with its cause, and each lane with its current streak.",
      "ASCII when the terminal is not UTF-8 (or with --ascii). Exit 0, or 4 when some evidence could not be read."
    })
final class HistoryCommand implements Callable<Integer> {
  @ParentCommand FlywheelGatesCommand parent;
  @Spec CommandSpec spec;
  @Mixin GatesOption gates;
  @Mixin EvaluationOptions options;
  @Mixin GitHubOptions github;

  @Parameters(paramLabel = "PR_ID", description = "The PR whose lanes to show, e.g. pr-1.")
  String id;

  @Option(names = "--lane", paramLabel = "LANE", description = "Only this lane.")
  String lane;

  @Option(
      names = "--last",
      paramLabel = "N",
      defaultValue = "10",
      description = "How many of the newest runs. Default: ${DEFAULT-VALUE}.")
  int last;

  @Option(names = "--ascii", description = "Plain ASCII symbols whatever the terminal.")
  boolean ascii;

  @Override
  public Integer call() throws Exception {
    if (options.format != EvaluationOptions.Format.text
        && options.format != EvaluationOptions.Format.json) {
      throw new UsageException("history prints --format text or json");
    }
    if (last < 1) {
      throw new UsageException("--last must be at least 1");
    }
    Definitions definitions = gates.load();
    Checker.requireDefined(definitions, List.of(id));
    History history = new History();
    HistoryReport report =
        LiveEvidence.run(
            (facts, at, source) -> {
              History.Result result =
                  history.history(definitions, facts, at, source, id, lane, last);
              return new LiveEvidence.Step<>(result.report(), result.missing());
            },
            definitions,
            options,
            github,
            parent.environment,
            spec.commandLine().getErr());
    HistoryRenderer renderer = new HistoryRenderer();
    if (options.format == EvaluationOptions.Format.json) {
      renderer.json(report, spec.commandLine().getOut());
    } else {
      renderer.text(report, spec.commandLine().getOut(), !ascii && unicodeTerminal());
    }
    return report.gaps().isEmpty() ? ExitCode.GO.code : ExitCode.INCONCLUSIVE.code;
  }

  /** The locale the user set (LC_ALL, then LC_CTYPE, then LANG) says UTF-8. */
  private boolean unicodeTerminal() {
    for (String name : List.of("LC_ALL", "LC_CTYPE", "LANG")) {
      String value = parent.environment.get(name);
      if (value != null) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.contains("utf-8") || lower.contains("utf8");
      }
    }
    return false;
  }
}
