package io.flywheelgates.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "flywheel-gates",
    mixinStandardHelpOptions = true,
    versionProvider = FlywheelGatesCommand.Version.class,
    description = {
      "Decides, from evidence, whether a staged platform rollout may go on.",
      "Gate definitions (YAML) for each rollout PR are judged against facts from GitHub or a recorded snapshot."
    },
    subcommands = {
      CheckCommand.class,
      ListCommand.class,
      ExplainCommand.class,
      ValidateCommand.class,
      SnapshotCommand.class,
      TriageCommand.class,
      TestCommand.class,
      HistoryCommand.class,
      ReportCommand.class,
      WarmUpCommand.class,
      picocli.AutoComplete.GenerateCompletion.class,
      VersionCommand.class
    },
    footer = {"", "Run 'flywheel-gates COMMAND --help' for a command's options."})
final class FlywheelGatesCommand implements Callable<Integer> {
  final Environment environment;

  @Spec CommandSpec spec;

  FlywheelGatesCommand(Environment environment) {
    this.environment = environment;
  }

  /** No command given: say what the commands are, and that something was missing. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE.code;
  }

  static final class Version implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {BuildInfo.versionLine()};
    }
  }
}
