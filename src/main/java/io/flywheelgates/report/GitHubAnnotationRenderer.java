package io.flywheelgates.report;

import io.flywheelgates.verdict.CheckResult;
import io.flywheelgates.verdict.GateResult;
import io.flywheelgates.verdict.PrResult;
import io.flywheelgates.verdict.RolloutVerdict;
import io.flywheelgates.verdict.Status;
import io.flywheelgates.verdict.StopResult;
import io.flywheelgates.verdict.Verdict;
import java.io.PrintWriter;

/**
 * The verdict as GitHub Actions workflow commands: {@code ::error} for a fired stop condition, a
 * check that failed or could not be decided, {@code ::warning} for one still pending, {@code
 * ::notice} for each PR's verdict. Messages and properties are escaped as the workflow-command
 * rules require.
 */
public final class GitHubAnnotationRenderer implements Renderer {

  @Override
  public void render(RolloutVerdict verdict, PrintWriter out) {
    for (PrResult pr : verdict.prs()) {
      String level =
          switch (pr.verdict()) {
            case GO -> "notice";
            case NO_GO, BLOCKED -> "warning";
            case STOP, INCONCLUSIVE -> "error";
          };
      out.println(command(level, pr.id() + " " + pr.verdict(), pr.title() + ": " + pr.reason()));
      for (StopResult stop : pr.stopConditions()) {
        if (stop.triggered()) {
          out.println(
              command(
                  "error",
                  pr.id() + " STOP " + stop.id(),
                  stop.summary()
                      + "\nResponse: "
                      + String.join("; ", stop.response())
                      + "\nRollback: "
                      + String.join("; ", pr.rollback())));
        }
      }
      if (pr.verdict() == Verdict.GO) {
        continue;
      }
      for (GateResult gate : pr.gates()) {
        for (CheckResult check : gate.checks()) {
          String checkLevel =
              check.status() == Status.FAIL || check.status() == Status.ERROR
                  ? "error"
                  : check.status() == Status.PENDING ? "warning" : null;
          if (checkLevel != null) {
            out.println(
                command(
                    checkLevel,
                    pr.id() + " " + gate.type() + " " + check.id(),
                    check.summary() + (check.needs() == null ? "" : "\nNeeds: " + check.needs())));
          }
        }
      }
    }
    out.flush();
  }

  static String command(String level, String title, String message) {
    return "::" + level + " title=" + property(title) + "::" + data(message);
  }

  /** Message data: {@code %}, CR and LF are escaped. */
  static String data(String value) {
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property value: as data, and also {@code :} and {@code ,}, which end a property. */
  static String property(String value) {
    return data(value).replace(":", "%3A").replace(",", "%2C");
  }
}
