package io.flywheelgates.support;

import io.flywheelgates.facts.Facts;
import io.flywheelgates.facts.FileFact;
import io.flywheelgates.facts.JobFact;
import io.flywheelgates.facts.LogExcerpt;
import io.flywheelgates.facts.PullRequestFact;
import io.flywheelgates.facts.RepoFacts;
import io.flywheelgates.facts.RunFact;
import io.flywheelgates.facts.WorkflowFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-built facts for rule tests: a few lines per repository, run and job, so each test shows
 * exactly the evidence it is about.
 */
public final class World {
  public static final String GF = "tinyland-inc/GloriousFlywheel";
  public static final String PROOF = ".github/workflows/platform-proof.yml";
  public static final String DOCKER = "tinyland-docker";
  public static final String NIX = "tinyland-nix";
  public static final String HEAVY = "tinyland-nix-heavy";
  public static final String ARC_GROUP = "tinyland-arc";
  public static final String HOSTED_GROUP = "GitHub Actions";

  private final Map<String, Repo> repos = new LinkedHashMap<>();
  private long nextId = 1000;

  public Repo repo(String fullName) {
    return repos.computeIfAbsent(fullName, Repo::new);
  }

  public Facts facts() {
    return new Facts(repos.values().stream().map(Repo::build).toList());
  }

  public static Instant at(String instant) {
    return Instant.parse(instant);
  }

  public final class Repo {
    private final String fullName;
    private boolean found = true;
    private final List<PullRequestFact> pulls = new ArrayList<>();
    private final List<FileFact> files = new ArrayList<>();
    private final Map<String, Workflow> workflows = new LinkedHashMap<>();
    private final List<String> searched = new ArrayList<>();
    private List<String> workflowFiles;

    private Repo(String fullName) {
      this.fullName = fullName;
    }

    public Repo missing() {
      found = false;
      return this;
    }

    /** Records that the merged pull requests changing {@code path} were searched for. */
    public Repo searched(String path) {
      searched.add(path);
      return this;
    }

    public Repo mergedPr(int number, String mergedAt, String... files) {
      searched.addAll(List.of(files));
      pulls.add(
          new PullRequestFact(
              number,
              "PR " + number,
              "closed",
              true,
              Instant.parse(mergedAt),
              "abcdef" + number + "0000000000000000000000000000000",
              "feat/" + number,
              "main",
              "https://github.com/" + fullName + "/pull/" + number,
              List.of(files)));
      return this;
    }

    public Repo openPr(int number, String... files) {
      pulls.add(
          new PullRequestFact(
              number,
              "PR " + number,
              "open",
              false,
              null,
              null,
              "feat/" + number,
              "main",
              "https://github.com/" + fullName + "/pull/" + number,
              List.of(files)));
      return this;
    }

    public Repo file(String path, String content) {
      files.add(
          new FileFact(
              path,
              "main",
              true,
              "blob" + path.hashCode(),
              "https://github.com/" + fullName + "/blob/main/" + path,
              content));
      return this;
    }

    /** Lists the repo's workflow files (as GitHub's workflow list would) and sets their text. */
    public Repo workflowFile(String name, String content) {
      String path = ".github/workflows/" + name;
      if (workflowFiles == null) {
        workflowFiles = new ArrayList<>();
      }
      if (!workflowFiles.contains(path)) {
        workflowFiles.add(path);
      }
      files.removeIf(file -> file.path().equals(path));
      return file(path, content);
    }

    /** Records that the repo's workflow files were listed (none, unless added). */
    public Repo workflowsListed() {
      if (workflowFiles == null) {
        workflowFiles = new ArrayList<>();
      }
      return this;
    }

    public Repo absentFile(String path) {
      files.add(new FileFact(path, "main", false, null, null, null));
      return this;
    }

    public Workflow workflow(String path) {
      return workflows.computeIfAbsent(path, p -> new Workflow(this, p, true));
    }

    public Repo absentWorkflow(String path) {
      workflows.put(path, new Workflow(this, path, false));
      return this;
    }

    private RepoFacts build() {
      return new RepoFacts(
          fullName,
          found,
          "main",
          "https://github.com/" + fullName,
          pulls,
          searched,
          files,
          workflows.values().stream().map(Workflow::build).toList(),
          workflowFiles);
    }
  }

  public final class Workflow {
    private final Repo repo;
    private final String path;
    private final boolean found;
    private final List<RunFact> runs = new ArrayList<>();

    private Workflow(Repo repo, String path, boolean found) {
      this.repo = repo;
      this.path = path;
      this.found = found;
    }

    /** A completed run; its conclusion follows its jobs unless they are none. */
    public Workflow run(String createdAt, String event, String branch, JobFact... jobs) {
      String conclusion =
          List.of(jobs).stream()
                  .anyMatch(
                      j -> !"success".equals(j.conclusion()) && !"skipped".equals(j.conclusion()))
              ? "failure"
              : "success";
      return addRun(createdAt, event, branch, "completed", conclusion, List.of(jobs));
    }

    public Workflow runWithConclusion(
        String createdAt, String event, String branch, String conclusion, JobFact... jobs) {
      return addRun(createdAt, event, branch, "completed", conclusion, List.of(jobs));
    }

    public Workflow runWithoutJobs(String createdAt, String conclusion) {
      return addRun(createdAt, "schedule", "main", "completed", conclusion, List.of());
    }

    /** A run whose jobs were never gathered. */
    public Workflow runJobsUnknown(String createdAt, String conclusion) {
      return addRun(createdAt, "schedule", "main", "completed", conclusion, null);
    }

    public Workflow inProgress(String createdAt) {
      return addRun(createdAt, "push", "main", "in_progress", null, List.of());
    }

    private Workflow addRun(
        String createdAt,
        String event,
        String branch,
        String status,
        String conclusion,
        List<JobFact> jobs) {
      long id = nextId++;
      runs.add(
          new RunFact(
              id,
              "Run " + id,
              branch,
              "sha" + id,
              event,
              status,
              conclusion,
              1,
              Instant.parse(createdAt),
              "https://github.com/" + repo.fullName + "/actions/runs/" + id,
              jobs));
      return this;
    }

    public Repo done() {
      return repo;
    }

    private WorkflowFacts build() {
      return new WorkflowFacts(
          path,
          found,
          1,
          path,
          "https://github.com/" + repo.fullName + "/actions/workflows/" + path,
          runs);
    }
  }

  // ----- jobs

  private long jobId() {
    return nextId++;
  }

  public JobFact ok(String lane) {
    return job(lane, "success", lane + "-runner-1", ARC_GROUP, null);
  }

  public JobFact failed(String lane) {
    return job(
        lane,
        "failure",
        lane + "-runner-1",
        ARC_GROUP,
        new LogExcerpt(List.of(new LogExcerpt.Line(40, "Error: test suite failed")), 120));
  }

  public JobFact skipped(String lane) {
    return job(lane, "skipped", null, null, null);
  }

  /** Queued, never got a runner, cancelled: a registration failure. */
  public JobFact neverGotARunner(String lane) {
    return job(lane, "cancelled", null, null, null);
  }

  public JobFact ranHosted(String lane) {
    return job(lane, "failure", "GitHub Actions 12", HOSTED_GROUP, null);
  }

  public JobFact failedWithLog(String lane, String... lines) {
    List<LogExcerpt.Line> excerpt = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      excerpt.add(new LogExcerpt.Line(i + 1, lines[i]));
    }
    return job(
        lane, "failure", lane + "-runner-1", ARC_GROUP, new LogExcerpt(excerpt, lines.length));
  }

  public JobFact failedLogUnknown(String lane) {
    return job(lane, "failure", lane + "-runner-1", ARC_GROUP, null);
  }

  /**
   * A named job (as the Jobs API names a template's, "package / validate (20)") that succeeded on a
   * lane.
   */
  public JobFact okAs(String name, String lane) {
    return job(name, lane, "success", lane + "-runner-1", ARC_GROUP, null);
  }

  /** A named job that succeeded on a hosted runner. */
  public JobFact okHostedAs(String name) {
    return job(name, "ubuntu-latest", "success", "GitHub Actions 7", HOSTED_GROUP, null);
  }

  private JobFact job(String lane, String conclusion, String runner, String group, LogExcerpt log) {
    return job("proof " + lane, lane, conclusion, runner, group, log);
  }

  private JobFact job(
      String name, String lane, String conclusion, String runner, String group, LogExcerpt log) {
    long id = jobId();
    return new JobFact(
        id,
        name,
        "completed",
        conclusion,
        List.of(lane),
        runner,
        group,
        Instant.parse("2026-04-17T00:00:00Z"),
        Instant.parse("2026-04-17T00:05:00Z"),
        "https://github.com/job/" + id,
        List.of(),
        log);
  }
}
