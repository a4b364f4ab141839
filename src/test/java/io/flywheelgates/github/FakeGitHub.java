package io.flywheelgates.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit.Stubbing;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.flywheelgates.facts.FileFact;
import io.flywheelgates.facts.JobFact;
import io.flywheelgates.facts.LogExcerpt;
import io.flywheelgates.facts.PullRequestFact;
import io.flywheelgates.facts.RepoFacts;
import io.flywheelgates.facts.RunFact;
import io.flywheelgates.facts.Snapshot;
import io.flywheelgates.facts.WorkflowFacts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Serves a snapshot's facts the way the GitHub REST API would, from WireMock on loopback:
 * repositories, pull requests and their files, commits that touched a path, file contents, workflow
 * runs, jobs, and job logs behind a redirect to another path (standing in for log storage).
 */
public final class FakeGitHub {
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The example's newest platform-proof run; its heavy-lane job is the one made to fail with a log.
   */
  private static final long NEWEST_PROOF_RUN = 24600001096L;

  private final Stubbing server;
  private final String baseUrl;

  /**
   * Where the API lives on the server: "" as on github.com, "/api/v3" as on GitHub Enterprise
   * Server.
   */
  private final String prefix;

  private FakeGitHub(Stubbing server, String baseUrl) {
    this(server, baseUrl, "");
  }

  private FakeGitHub(Stubbing server, String baseUrl, String prefix) {
    this.server = server;
    this.baseUrl = baseUrl;
    this.prefix = prefix;
  }

  /**
   * Serves the snapshot under a path prefix, as GitHub Enterprise Server does ({@code
   * https://HOST/api/v3}).
   */
  public static void serveUnder(WireMockExtension server, String prefix, Snapshot snapshot) {
    FakeGitHub fake = new FakeGitHub(server, server.baseUrl(), prefix);
    for (RepoFacts repo : snapshot.repositories()) {
      fake.serveRepo(repo);
    }
  }

  /** Stubs every endpoint the bundled gates read, for every fact in the snapshot. */
  public static void serve(WireMockExtension server, Snapshot snapshot) {
    serve(server, server.baseUrl(), snapshot);
  }

  /**
   * As {@link #serve(WireMockExtension, Snapshot)}, for a server started by hand (the benchmark's).
   */
  public static void serve(Stubbing server, String baseUrl, Snapshot snapshot) {
    FakeGitHub fake = new FakeGitHub(server, baseUrl);
    for (RepoFacts repo : snapshot.repositories()) {
      fake.serveRepo(repo);
    }
  }

  /** A repository's metadata answer, default branch main. */
  public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder repoJson(
      String fullName) {
    ObjectNode meta = JSON.createObjectNode();
    meta.put("full_name", fullName);
    meta.put("default_branch", "main");
    meta.put("html_url", "https://github.com/" + fullName);
    return json(meta);
  }

  /**
   * Makes the heavy-lane job of the newest proof run fail on a runner (so its cause is in its log)
   * and serves that log behind GitHub's redirect to storage.
   */
  /**
   * Makes the heavy-lane job of the given proof runs fail on a runner with ATTIC_SERVER unset in
   * its log (a missing-contract failure, read from the log) and serves each log behind GitHub's
   * redirect to storage.
   */
  public static void serveMissingContractOnHeavyLane(
      WireMockExtension server, Snapshot snapshot, long... runIds) {
    FakeGitHub fake = new FakeGitHub(server, server.baseUrl());
    for (long runId : runIds) {
      fake.failHeavyLaneWithLog(snapshot, runId);
    }
  }

  public static void serveFailingJobWithLog(WireMockExtension server, Snapshot snapshot) {
    serveFailingJobWithLog(server, server.baseUrl(), snapshot);
  }

  public static void serveFailingJobWithLog(Stubbing server, String baseUrl, Snapshot snapshot) {
    new FakeGitHub(server, baseUrl).failHeavyLaneWithLog(snapshot, NEWEST_PROOF_RUN);
  }

  private void failHeavyLaneWithLog(Snapshot snapshot, long runId) {
    FakeGitHub fake = this;
    for (RepoFacts repo : snapshot.repositories()) {
      for (WorkflowFacts workflow : repo.workflows()) {
        for (RunFact run : workflow.runs()) {
          if (run.id() != runId) {
            continue;
          }
          List<JobFact> jobs = new ArrayList<>();
          for (JobFact job : run.jobs()) {
            jobs.add(
                job.labels().contains("tinyland-nix-heavy")
                    ? new JobFact(
                        job.id(),
                        job.name(),
                        "completed",
                        "failure",
                        job.labels(),
                        "tinyland-nix-heavy-runner-1",
                        "tinyland-arc",
                        job.startedAt(),
                        job.completedAt(),
                        job.htmlUrl(),
                        job.steps(),
                        new LogExcerpt(
                            List.of(
                                new LogExcerpt.Line(1, "Run nix build .#proof-hello"),
                                new LogExcerpt.Line(2, "error: ATTIC_SERVER is not set")),
                            2))
                    : job);
          }
          fake.serveJobs("/repos/" + repo.fullName(), run.withJobs(jobs));
        }
      }
    }
  }

  /**
   * Serves a workflow's run list in three pages linked by {@code Link: rel="next"}, as GitHub
   * paginates.
   */
  public static void serveRunsInThreePages(
      WireMockExtension server, Snapshot snapshot, String repo, String file) {
    WorkflowFacts workflow =
        snapshot.repositories().stream()
            .filter(r -> r.fullName().equals(repo))
            .findFirst()
            .orElseThrow()
            .workflows()
            .stream()
            .filter(w -> w.path().endsWith("/" + file))
            .findFirst()
            .orElseThrow();
    String path = "/repos/" + repo + "/actions/workflows/" + file + "/runs";
    List<RunFact> runs = workflow.runs();
    int size = (runs.size() + 2) / 3;
    for (int page = 1; page <= 3; page++) {
      ObjectNode body = JSON.createObjectNode();
      body.put("total_count", runs.size());
      ArrayNode items = body.putArray("workflow_runs");
      runs.subList((page - 1) * size, Math.min(runs.size(), page * size))
          .forEach(run -> items.add(runJson(run, workflow)));
      var response = json(body);
      if (page < 3) {
        response.withHeader(
            "Link",
            "<"
                + server.baseUrl()
                + path
                + "?exclude_pull_requests=true&per_page=100&page="
                + (page + 1)
                + ">; rel=\"next\", <"
                + server.baseUrl()
                + path
                + "?page=3>; rel=\"last\"");
      }
      MappingBuilder mapping = get(urlPathEqualTo(path)).withQueryParam("per_page", equalTo("100"));
      mapping =
          page == 1
              ? mapping.withQueryParam(
                  "page", com.github.tomakehurst.wiremock.client.WireMock.absent())
              : mapping.withQueryParam("page", equalTo(String.valueOf(page)));
      server.stubFor(mapping.willReturn(response));
    }
  }

  private void serveRepo(RepoFacts repo) {
    String r = prefix + "/repos/" + repo.fullName();
    ObjectNode meta = JSON.createObjectNode();
    meta.put("full_name", repo.fullName());
    meta.put("default_branch", repo.defaultBranch());
    meta.put("html_url", repo.htmlUrl());
    stubJson(() -> get(urlPathEqualTo(r)), meta);
    for (PullRequestFact pr : repo.pullRequests()) {
      stubJson(() -> get(urlPathEqualTo(r + "/pulls/" + pr.number())), pullJson(pr));
    }
    for (String path : repo.touchedPathsSearched()) {
      List<PullRequestFact> merged =
          repo.pullRequests().stream()
              .filter(pr -> pr.merged() && pr.files() != null && pr.files().contains(path))
              .sorted(Comparator.comparing(PullRequestFact::mergedAt).reversed())
              .toList();
      ArrayNode commits = JSON.createArrayNode();
      for (PullRequestFact pr : merged) {
        String sha = "commit" + pr.number();
        commits.addObject().put("sha", sha);
        stubJson(
            () -> get(urlPathEqualTo(r + "/commits/" + sha + "/pulls")),
            JSON.createArrayNode().add(pullJson(pr)));
        ArrayNode files = JSON.createArrayNode();
        pr.files().forEach(file -> files.addObject().put("filename", file));
        stubJson(
            () ->
                get(urlPathEqualTo(r + "/pulls/" + pr.number() + "/files"))
                    .withQueryParam("per_page", equalTo("100")),
            files);
      }
      stubJson(
          () ->
              get(urlPathEqualTo(r + "/commits"))
                  .withQueryParam("path", equalTo(path))
                  .withQueryParam("sha", equalTo(repo.defaultBranch())),
          commits);
    }
    for (FileFact file : repo.files()) {
      java.util.function.Supplier<MappingBuilder> contents =
          () ->
              get(urlPathEqualTo(r + "/contents/" + file.path()))
                  .withQueryParam("ref", equalTo(file.ref()));
      if (!file.exists()) {
        server.stubFor(
            contents
                .get()
                .willReturn(aResponse().withStatus(404).withBody("{\"message\":\"Not Found\"}")));
        continue;
      }
      ObjectNode body = JSON.createObjectNode();
      body.put("type", "file");
      body.put("path", file.path());
      body.put("sha", file.sha());
      body.put("html_url", file.htmlUrl());
      body.put("encoding", "base64");
      body.put(
          "content",
          Base64.getMimeEncoder().encodeToString(file.content().getBytes(StandardCharsets.UTF_8)));
      stubJson(contents, body);
    }
    for (WorkflowFacts workflow : repo.workflows()) {
      serveWorkflow(r, workflow);
    }
    if (repo.workflowFiles() != null) {
      // GitHub also lists a dynamic workflow with no file and a disabled one: neither is read.
      ObjectNode list = JSON.createObjectNode();
      ArrayNode workflows = list.putArray("workflows");
      repo.workflowFiles()
          .forEach(path -> workflows.addObject().put("path", path).put("state", "active"));
      workflows
          .addObject()
          .put("path", "dynamic/pages/pages-build-deployment")
          .put("state", "active");
      workflows
          .addObject()
          .put("path", ".github/workflows/old.yml")
          .put("state", "disabled_manually");
      list.put("total_count", workflows.size());
      stubJson(
          () ->
              get(urlPathEqualTo(r + "/actions/workflows"))
                  .withQueryParam("per_page", equalTo("100")),
          list);
    }
  }

  private void serveWorkflow(String r, WorkflowFacts workflow) {
    String file = workflow.path().substring(workflow.path().lastIndexOf('/') + 1);
    java.util.function.Supplier<MappingBuilder> list =
        () ->
            get(urlPathEqualTo(r + "/actions/workflows/" + file + "/runs"))
                .withQueryParam("exclude_pull_requests", equalTo("true"))
                .withQueryParam("per_page", equalTo("100"));
    if (!workflow.found()) {
      server.stubFor(
          list.get()
              .willReturn(aResponse().withStatus(404).withBody("{\"message\":\"Not Found\"}")));
      return;
    }
    ObjectNode page = JSON.createObjectNode();
    page.put("total_count", workflow.runs().size());
    ArrayNode runs = page.putArray("workflow_runs");
    for (RunFact run : workflow.runs()) {
      runs.add(runJson(run, workflow));
      if (run.jobs() != null) {
        serveJobs(r, run);
      }
    }
    stubJson(list, page);
  }

  private void serveJobs(String r, RunFact run) {
    ObjectNode page = JSON.createObjectNode();
    page.put("total_count", run.jobs().size());
    ArrayNode jobs = page.putArray("jobs");
    for (JobFact job : run.jobs()) {
      ObjectNode node = jobs.addObject();
      node.put("id", job.id());
      node.put("run_id", run.id());
      node.put("name", job.name());
      node.put("status", job.status());
      node.put("conclusion", job.conclusion());
      ArrayNode labels = node.putArray("labels");
      job.labels().forEach(labels::add);
      node.put("runner_name", job.runnerName());
      node.put("runner_group_name", job.runnerGroupName());
      node.put("started_at", String.valueOf(job.startedAt()));
      if (job.completedAt() != null) {
        node.put("completed_at", job.completedAt().toString());
      } else {
        node.putNull("completed_at");
      }
      node.put("html_url", job.htmlUrl());
      ArrayNode steps = node.putArray("steps");
      for (JobFact.StepFact step : job.steps()) {
        steps
            .addObject()
            .put("number", step.number())
            .put("name", step.name())
            .put("status", step.status())
            .put("conclusion", step.conclusion());
      }
      if (job.log() != null) {
        serveLog(r, job.id(), job.log().lines().stream().map(LogExcerpt.Line::text).toList());
      }
    }
    stubJson(
        () ->
            get(urlPathEqualTo(
                    r + "/actions/runs/" + run.id() + "/attempts/" + run.runAttempt() + "/jobs"))
                .withQueryParam("per_page", equalTo("100")),
        page);
  }

  /**
   * The API answers with a redirect to log storage, as GitHub does; the storage must never see the
   * token.
   */
  void serveLog(String r, long jobId, List<String> lines) {
    String storage = "/storage/job-logs/" + jobId + ".txt";
    server.stubFor(
        get(urlPathEqualTo(r + "/actions/jobs/" + jobId + "/logs"))
            .willReturn(aResponse().withStatus(302).withHeader("Location", baseUrl + storage)));
    server.stubFor(
        get(urlPathEqualTo(storage))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/plain")
                    .withBody(lines.stream().collect(Collectors.joining("\n", "", "\n")))));
  }

  static ObjectNode runJson(RunFact run, WorkflowFacts workflow) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", run.id());
    node.put("workflow_id", workflow.id());
    node.put("name", run.name());
    node.put("head_branch", run.headBranch());
    node.put("head_sha", run.headSha());
    node.put("event", run.event());
    node.put("status", run.status());
    node.put("conclusion", run.conclusion());
    node.put("run_attempt", run.runAttempt());
    node.put("created_at", run.createdAt().toString());
    node.put("html_url", run.htmlUrl());
    return node;
  }

  static ObjectNode pullJson(PullRequestFact pr) {
    ObjectNode node = JSON.createObjectNode();
    node.put("number", pr.number());
    node.put("title", pr.title());
    node.put("state", pr.state());
    node.put("merged", pr.merged());
    node.put("merged_at", pr.mergedAt() == null ? null : pr.mergedAt().toString());
    node.put("merge_commit_sha", pr.mergeCommitSha());
    node.put("html_url", pr.htmlUrl());
    node.putObject("head").put("ref", pr.headRef());
    node.putObject("base").put("ref", pr.baseRef());
    return node;
  }

  /**
   * A JSON answer with an ETag, and the 304 GitHub gives for it when the request carries that ETag
   * in If-None-Match: conditional requests work as they do against GitHub.
   */
  private void stubJson(java.util.function.Supplier<MappingBuilder> mapping, Object body) {
    String etag = etagOf(body);
    server.stubFor(mapping.get().willReturn(json(body).withHeader("ETag", etag)));
    server.stubFor(
        mapping
            .get()
            .withHeader("If-None-Match", equalTo(etag))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(304)
                    .withHeader("ETag", etag)
                    .withHeader("x-ratelimit-remaining", "4990")));
  }

  private static String etagOf(Object body) {
    try {
      return "\"" + Integer.toHexString(JSON.writeValueAsString(body).hashCode()) + "\"";
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(Object body) {
    try {
      return aResponse()
          .withHeader("Content-Type", "application/json")
          .withHeader("x-ratelimit-remaining", "4990")
          .withBody(JSON.writeValueAsString(body));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
