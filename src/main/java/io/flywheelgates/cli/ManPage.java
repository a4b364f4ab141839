package io.flywheelgates.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes the man page, flywheel-gates(1) in roff, from the picocli model: the same names,
 * descriptions, options and exit codes as {@code --help}, so the two cannot drift. Run at build
 * time: {@code ManPage target/man/flywheel-gates.1}.
 */
public final class ManPage {
  private ManPage() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "target/man/flywheel-gates.1");
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      write(out);
    }
  }

  static void write(PrintWriter out) {
    CommandLine commandLine =
        FlywheelGatesCommand.commandLine(new Environment(Map.of(), false), null);
    CommandSpec top = commandLine.getCommandSpec();
    out.println(
        ".TH FLYWHEEL-GATES 1 \"\" \"flywheel-gates "
            + roff(BuildInfo.version())
            + "\" \"User Commands\"");
    out.println(".SH NAME");
    out.println("flywheel-gates \\- " + roff(top.usageMessage().description()[0]));
    out.println(".SH SYNOPSIS");
    out.println(".B flywheel-gates");
    out.println("\\fICOMMAND\\fR [\\fIOPTIONS\\fR]");
    out.println(".SH DESCRIPTION");
    for (String line : top.usageMessage().description()) {
      out.println(roff(line));
    }
    out.println(".SH COMMANDS");
    for (Map.Entry<String, CommandLine> sub : commandLine.getSubcommands().entrySet()) {
      CommandSpec spec = sub.getValue().getCommandSpec();
      if (spec.usageMessage().hidden() && !sub.getKey().equals("generate-completion")) {
        continue;
      }
      out.println(".SS " + roff(sub.getKey()));
      StringBuilder synopsis = new StringBuilder("flywheel-gates " + sub.getKey());
      for (PositionalParamSpec positional : spec.positionalParameters()) {
        synopsis
            .append(' ')
            .append(positional.paramLabel())
            .append(positional.arity().max() > 1 ? "..." : "");
      }
      out.println(".B " + roff(synopsis.toString()));
      out.println(".PP");
      for (String line : spec.usageMessage().description()) {
        out.println(line.isEmpty() ? ".PP" : roff(line));
      }
      for (OptionSpec option : spec.options()) {
        if (option.hidden()) {
          continue;
        }
        out.println(".TP");
        out.println(
            "\\fB"
                + roff(String.join(", ", option.names()))
                + "\\fR"
                + (option.typeInfo().isBoolean()
                    ? ""
                    : " \\fI" + roff(option.paramLabel()) + "\\fR"));
        out.println(
            roff(
                String.join(" ", option.description())
                    .replace("${DEFAULT-VALUE}", String.valueOf(option.defaultValue()))
                    .replace("${COMPLETION-CANDIDATES}", candidates(option))));
      }
    }
    out.println(".SH EXIT STATUS");
    for (ExitCode exit : ExitCode.values()) {
      out.println(".TP");
      out.println("\\fB" + exit.code + "\\fR");
      out.println(roff(exit.meaning));
    }
    out.println(".SH ENVIRONMENT");
    out.println(
        "GH_TOKEN or GITHUB_TOKEN (the token, never shown), GITHUB_API_URL, XDG_CACHE_HOME, NO_COLOR,");
    out.println(
        "GITHUB_ACTIONS and GITHUB_STEP_SUMMARY, FLYWHEEL_GATES_JAVA_OPTS, FLYWHEEL_GATES_CDS.");
    out.println(".SH SEE ALSO");
    out.println("The README and docs/gate-format.md in the flywheel-gates repository.");
    out.flush();
  }

  private static String candidates(OptionSpec option) {
    Iterable<String> values = option.completionCandidates();
    return values == null ? "" : String.join(", ", values);
  }

  /** Escapes what roff would read as markup: backslashes, and a leading dot or quote. */
  static String roff(String text) {
    String escaped = text.replace("\\", "\\e").replace("-", "\\-");
    return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
  }
}
