package io.flywheelgates.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description =
        "Lists the rollout's PRs in order: id, title, repo, what each waits for, rules per gate, stop conditions.")
final class ListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin GatesOption gates;

  @Override
  public Integer call() throws Exception {
    new DefinitionPrinter(spec.commandLine().getOut()).list(gates.load());
    return ExitCode.GO.code;
  }
}
