package io.flywheelgates.cli;

import io.flywheelgates.definition.InvalidDefinitionsException;
import io.flywheelgates.definition.Problem;
import io.flywheelgates.facts.SnapshotCodec.UnreadableSnapshotException;
import io.flywheelgates.github.GitHubException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The one place where exceptions become exit codes. Known failures print a message that says what
 * to do; an unknown exception is a bug and is reported as one, with its stack trace, never
 * swallowed.
 */
final class ExceptionMapper
    implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (exception instanceof InvalidDefinitionsException invalid) {
      for (Problem problem : invalid.problems()) {
        err.println(problem);
      }
      err.println(
          "flywheel-gates: "
              + invalid.getMessage()
              + "; fix them and run 'flywheel-gates validate'");
      return ExitCode.USAGE.code;
    }
    if (exception instanceof GitHubException.Fatal) {
      err.println("flywheel-gates: evidence could not be obtained: " + exception.getMessage());
      return ExitCode.INCONCLUSIVE.code;
    }
    if (exception instanceof UsageException || exception instanceof UnreadableSnapshotException) {
      err.println("flywheel-gates: " + exception.getMessage());
      return ExitCode.USAGE.code;
    }
    err.println("flywheel-gates: internal error: " + exception);
    exception.printStackTrace(err);
    return ExitCode.INTERNAL_ERROR.code;
  }

  /** Bad options or arguments: the message and where to find help, not the whole usage text. */
  @Override
  public int handleParseException(CommandLine.ParameterException exception, String[] args) {
    return onBadParameters(exception, args);
  }

  static int onBadParameters(CommandLine.ParameterException exception, String[] args) {
    CommandLine commandLine = exception.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println("flywheel-gates: " + exception.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(exception, err);
    err.println(
        "Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
    return ExitCode.USAGE.code;
  }
}
