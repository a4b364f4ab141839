package io.flywheelgates.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/** The only class that touches {@code System.out}, {@code System.err} and {@code System.exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("version"))) {
      // Answered before building the command model: a version check should not pay for it.
      out.println(BuildInfo.versionLine());
      System.exit(ExitCode.GO.code);
    }
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    boolean interactive = System.console() != null;
    System.exit(run(args, out, err, System.getenv(), interactive));
  }

  /** Runs one command line; tests call this with their own writers and environment. */
  public static int run(
      String[] args,
      PrintWriter out,
      PrintWriter err,
      Map<String, String> env,
      boolean interactive) {
    Preload preload = Preload.startFor(args);
    CommandLine commandLine =
        FlywheelGatesCommand.commandLine(
            new Environment(env, interactive), args.length > 0 ? args[0] : null);
    ((FlywheelGatesCommand) commandLine.getCommand()).preload = preload;
    commandLine.setOut(out);
    commandLine.setErr(err);
    // One object for both: a method reference to picocli's Java 5 interface would be a lambda spun
    // at every start, which no start-up archive can keep.
    ExceptionMapper exceptions = new ExceptionMapper();
    commandLine.setExecutionExceptionHandler(exceptions);
    commandLine.setParameterExceptionHandler(exceptions);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    listExitCodes(commandLine);
    // picocli hides its completion command by default; users should find it in --help.
    CommandLine completion = commandLine.getSubcommands().get("generate-completion");
    if (completion != null) {
      completion.getCommandSpec().usageMessage().hidden(false);
    }
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static void listExitCodes(CommandLine commandLine) {
    commandLine
        .getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCode.helpList());
    commandLine.getSubcommands().values().forEach(Main::listExitCodes);
  }
}
