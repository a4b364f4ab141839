package io.flywheelgates.cli;

import io.flywheelgates.definition.Definitions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks gate definitions and reports every problem as file:line:col: message.",
      "Exit 0 when they are valid, 2 when not."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "DIR",
      arity = "0..1",
      description =
          "Gate definitions directory. Default: ./gates when it exists, else the bundled definitions.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    Definitions definitions = GatesOption.load(dir);
    long rules =
        definitions.prs().stream()
            .mapToLong(pr -> pr.gates().values().stream().mapToLong(java.util.List::size).sum())
            .sum();
    spec.commandLine()
        .getOut()
        .println(
            "valid: "
                + definitions.origin()
                + ": "
                + definitions.prs().size()
                + " PRs, "
                + rules
                + " gate rules, "
                + definitions.rollout().failureModes().size()
                + " failure modes");
    return ExitCode.GO.code;
  }
}
