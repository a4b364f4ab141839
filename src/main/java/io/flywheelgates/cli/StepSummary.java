package io.flywheelgates.cli;

import io.flywheelgates.report.MarkdownRenderer;
import io.flywheelgates.verdict.RolloutVerdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** In GitHub Actions, the verdict is also appended to the job's step summary, as Markdown. */
final class StepSummary {
  private StepSummary() {}

  static void appendIfInActions(Environment environment, RolloutVerdict verdict, PrintWriter err) {
    String file = environment.get("GITHUB_STEP_SUMMARY");
    if (!"true".equals(environment.get("GITHUB_ACTIONS")) || file == null) {
      return;
    }
    try {
      Files.writeString(
          Path.of(file),
          new MarkdownRenderer().markdown(verdict) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      // The verdict on stdout and the exit code still stand; only the summary is missing.
      err.println(
          "flywheel-gates: could not write the step summary to " + file + ": " + e.getMessage());
    }
  }
}
