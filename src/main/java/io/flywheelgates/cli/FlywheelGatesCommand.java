package io.flywheelgates.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
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
    footer = {"", "Run 'flywheel-gates COMMAND --help' for a command's options."})
final class FlywheelGatesCommand implements Callable<Integer> {
  /** The subcommands, in the order --help lists them. */
  private static final List<Class<?>> SUBCOMMANDS =
      List.of(
          CheckCommand.class,
          ListCommand.class,
          ExplainCommand.class,
          ValidateCommand.class,
          SnapshotCommand.class,
          ScorecardCommand.class,
          TriageCommand.class,
          TestCommand.class,
          HistoryCommand.class,
          ReportCommand.class,
          WarmUpCommand.class,
          picocli.AutoComplete.GenerateCompletion.class,
          VersionCommand.class);

  final Environment environment;

  /** What is being read ahead on another thread; null when nothing is. */
  Preload preload;

  @Spec CommandSpec spec;

  FlywheelGatesCommand(Environment environment) {
    this.environment = environment;
  }

  /**
   * The command line for these arguments. Building picocli's model of a subcommand costs start-up
   * time, so when the first argument names a subcommand only that one is built; anything else
   * (help, a typo to suggest for, completion) gets them all.
   */
  static CommandLine commandLine(Environment environment, String firstArgument) {
    CommandLine commandLine = new CommandLine(new FlywheelGatesCommand(environment));
    boolean named = SUBCOMMANDS.stream().anyMatch(type -> name(type).equals(firstArgument));
    boolean needsAll = !named || "generate-completion".equals(firstArgument);
    for (Class<?> type : SUBCOMMANDS) {
      if (needsAll || name(type).equals(firstArgument)) {
        commandLine.addSubcommand(type);
      }
    }
    return commandLine;
  }

  private static String name(Class<?> type) {
    return type.getAnnotation(Command.class).name();
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
