package io.flywheelgates.cli;

import io.flywheelgates.definition.Definitions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Explains a PR's gates, stop conditions, rollback rules and failure modes in plain words, as defined.")
final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin GatesOption gates;

  @Parameters(paramLabel = "PR_ID", description = "The PR to explain, e.g. pr-1.")
  String id;

  @Override
  public Integer call() throws Exception {
    Definitions definitions = gates.load();
    Checker.requireDefined(definitions, List.of(id));
    new DefinitionPrinter(spec.commandLine().getOut())
        .explain(definitions, definitions.pr(id).orElseThrow());
    return ExitCode.GO.code;
  }
}
