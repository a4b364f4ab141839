package io.flywheelgates.cli;

import io.flywheelgates.definition.Definitions;
import io.flywheelgates.definition.PolicyCase;
import io.flywheelgates.definition.PolicyCaseLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Runs policy tests of the gate definitions: each case is a snapshot and what the gates must conclude from it.",
      "",
      "A case (schema flywheel-gates/test@1) names a snapshot, optionally an instant ('at'), and expectations:",
      "PR verdicts ('expect'), check statuses ('checks', as pr.gate.check) and stop states ('stops', as pr.stop).",
      "Exit 0 when every case passes, 1 when one fails, 2 when a case file is invalid."
    })
final class TestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin GatesOption gates;

  @Parameters(
      paramLabel = "DIR",
      arity = "0..1",
      description = "Directory of cases. Default: gates/tests.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    Path cases = dir != null ? dir : Path.of("gates", "tests");
    if (!Files.isDirectory(cases)) {
      throw new UsageException(
          "no policy test directory '" + cases + "'; name one: flywheel-gates test DIR");
    }
    Definitions definitions = gates.load();
    List<PolicyCase> policyCases = new PolicyCaseLoader().load(cases);
    PrintWriter out = spec.commandLine().getOut();
    int failed = 0;
    for (PolicyCase policyCase : policyCases) {
      List<String> misses = PolicyTests.mismatches(definitions, policyCase);
      out.println(
          (misses.isEmpty() ? "PASS  " : "FAIL  ")
              + policyCase.file()
              + ": "
              + policyCase.describe());
      misses.forEach(miss -> out.println("      " + miss));
      failed += misses.isEmpty() ? 0 : 1;
    }
    out.println(
        "policy tests: " + (policyCases.size() - failed) + " passed, " + failed + " failed");
    out.flush();
    return failed == 0 ? ExitCode.GO.code : ExitCode.NO_GO.code;
  }
}
