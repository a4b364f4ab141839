package io.flywheelgates.engine;

import io.flywheelgates.facts.FileFact;
import io.flywheelgates.facts.JobFact;
import io.flywheelgates.facts.RunFact;
import io.flywheelgates.verdict.Evidence;

/** Evidence cited the same way by every rule: a file at its blob, a run and the job looked at. */
final class EvidenceOf {
  private EvidenceOf() {}

  static Evidence.Builder file(FileFact file) {
    return Evidence.of("file", file.htmlUrl())
        .with("path", file.path())
        .with("ref", file.ref())
        .with("sha", file.sha());
  }

  /** The run, and the job of it that was looked at (null: the run as a whole); lane null: none. */
  static Evidence.Builder run(RunFact run, JobFact job, String lane) {
    return Evidence.of("run", run.htmlUrl())
        .with("run_id", run.id())
        .with("lane", lane)
        .with("head_branch", run.headBranch())
        .with("head_sha", run.headSha())
        .with("event", run.event())
        .with("created_at", run.createdAt())
        .with("conclusion", job != null ? job.conclusion() : run.conclusion())
        .with("run_conclusion", run.conclusion())
        .with("job", job != null ? job.name() : null)
        .with("job_url", job != null ? job.htmlUrl() : null)
        .with("runner_name", job != null ? job.runnerName() : null);
  }
}
