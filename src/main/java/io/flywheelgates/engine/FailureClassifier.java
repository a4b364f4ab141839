package io.flywheelgates.engine;

import io.flywheelgates.definition.FailureMode;
import io.flywheelgates.definition.Rollout;
import io.flywheelgates.facts.JobFact;
import io.flywheelgates.facts.LogExcerpt;
import io.flywheelgates.facts.RunFact;
import java.util.regex.Pattern;

/**
 * Says why a lane job failed, in the rollout's cause ids. Registration and routing read job
 * metadata; every other cause is a failure mode whose log patterns match a line of the job's log. A
 * failure that matches nothing is {@value #UNCLASSIFIED}, never a named cause.
 */
final class FailureClassifier {
  static final String REGISTRATION = "runner-registration";
  static final String ROUTING = "routing";
  static final String UNCLASSIFIED = "unclassified";

  /**
   * {@code cause} and the field or log line that showed it; {@code logMissing} when only an
   * ungathered log could have named the cause.
   */
  record Classification(String cause, String matched, boolean logMissing) {}

  private final Rollout rollout;

  FailureClassifier(Rollout rollout) {
    this.rollout = rollout;
  }

  /**
   * A run that failed before any job existed (for example {@code startup_failure}): no runner was
   * ever assigned.
   */
  Classification classifyJobless(RunFact run) {
    return new Classification(
        REGISTRATION, "run concluded " + run.conclusion() + " with no jobs", false);
  }

  Classification classify(JobFact job) {
    if (job.runnerName() == null || job.runnerName().isBlank()) {
      return new Classification(
          REGISTRATION, "runner_name is null: the job never got a runner", false);
    }
    // Routing: it asked for a self-hosted lane and ran hosted. A job that asked for a hosted label
    // ran where it asked.
    boolean askedForHosted = job.labels().stream().anyMatch(rollout.hostedLabels()::contains);
    if (rollout.hostedRunnerGroup().equals(job.runnerGroupName()) && !askedForHosted) {
      return new Classification(
          ROUTING,
          "ran on runner '"
              + job.runnerName()
              + "' in the hosted group '"
              + job.runnerGroupName()
              + "'",
          false);
    }
    LogExcerpt log = job.log();
    if (log == null) {
      return new Classification(UNCLASSIFIED, "its log was not gathered", true);
    }
    String failedStep = failedStep(job);
    boolean selfHosted = !rollout.hostedRunnerGroup().equals(job.runnerGroupName());
    for (FailureMode mode : rollout.failureModes()) {
      if (!mode.appliesToStep(failedStep)) {
        continue;
      }
      // The contract is injected on self-hosted lanes only: a hosted job's environment lacks it by
      // design.
      String lacking = selfHosted ? lacking(mode, log) : null;
      if (lacking != null) {
        return new Classification(mode.id(), lacking, false);
      }
      for (Pattern pattern : mode.logPatterns()) {
        for (LogExcerpt.Line line : log.lines()) {
          if (pattern.matcher(line.text()).find()) {
            return new Classification(
                mode.id(), "log line " + line.number() + ": " + line.text().strip(), false);
          }
        }
      }
    }
    return new Classification(UNCLASSIFIED, "no failure signature matched its log", false);
  }

  /** What the log's environment dump lacks, or null when it printed none or lacks nothing. */
  private static String lacking(FailureMode mode, LogExcerpt log) {
    if (mode.envDumpMarker() == null) {
      return null;
    }
    LogExcerpt.Line dump =
        log.lines().stream()
            .filter(line -> mode.envDumpMarker().matcher(line.text()).find())
            .findFirst()
            .orElse(null);
    if (dump == null) {
      return null;
    }
    for (String name : mode.envMustHave()) {
      Pattern set = FailureMode.setPattern(name);
      if (log.lines().stream().noneMatch(line -> set.matcher(line.text()).find())) {
        return "log line " + dump.number() + " shows the job's environment, without " + name;
      }
    }
    return null;
  }

  /** The name of the step that failed, or null when the job records no failed step. */
  static String failedStep(JobFact job) {
    return job.steps().stream()
        .filter(step -> "failure".equals(step.conclusion()))
        .map(JobFact.StepFact::name)
        .findFirst()
        .orElse(null);
  }
}
