package io.flywheelgates.github;

import com.fasterxml.jackson.databind.JsonNode;
import io.flywheelgates.facts.FactRequest;
import io.flywheelgates.facts.Facts;
import io.flywheelgates.facts.FileFact;
import io.flywheelgates.facts.JobFact;
import io.flywheelgates.facts.LogExcerpt;
import io.flywheelgates.facts.PullRequestFact;
import io.flywheelgates.facts.RepoFacts;
import io.flywheelgates.facts.RunFact;
import io.flywheelgates.facts.WorkflowFacts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Live facts from the GitHub REST API. Fetches exactly the facts it is asked for, independent ones
 * in parallel (bounded), and accumulates them: {@link #fetch} returns everything gathered so far as
 * our own records.
 */
public final class GitHubFactSource implements AutoCloseable {
  /** How to reach GitHub; {@code token} may be null (public repositories, 60 requests an hour). */
  public record Settings(
      String apiUrl,
      String token,
      String userAgent,
      Duration timeout,
      int maxTries,
      int parallelism,
      int maxRunPages,
      Path cacheDir,
      Duration maxWait,
      List<Pattern> logPatterns,
      PrintWriter verbose) {}

  private static final int LOG_TAIL = 20;
  private static final int LOG_MATCHES = 50;
  private static final int COMMITS_LOOKED_AT = 10;

  private final GitHubApi api;
  private final Settings settings;
  private final ExecutorService pool;
  private final Map<String, RepoState> repos = new ConcurrentHashMap<>();
  private final Map<FactRequest, String> unobtainable = new ConcurrentHashMap<>();

  public GitHubFactSource(Settings settings) {
    this.settings = settings;
    this.api =
        new GitHubApi(
            settings.apiUrl(),
            settings.token(),
            settings.userAgent(),
            settings.timeout(),
            settings.maxTries(),
            settings.cacheDir() == null ? null : new HttpCache(settings.cacheDir()),
            settings.maxWait(),
            settings.verbose());
    this.pool =
        Executors.newFixedThreadPool(
            settings.parallelism(),
            task -> {
              Thread thread = new Thread(task, "github-fetch");
              thread.setDaemon(true);
              return thread;
            });
  }

  public String apiUrl() {
    return settings.apiUrl();
  }

  /** The requests that could not be answered, with why; their rules stay undecided. */
  public Map<FactRequest, String> unobtainable() {
    return Map.copyOf(unobtainable);
  }

  /** "N requests (M not modified, K from cache), rate limit R left". */
  public String costLine() {
    long left = api.rateLimitRemaining();
    return api.requestCount()
        + " requests ("
        + api.notModifiedCount()
        + " not modified, "
        + api.cacheHitCount()
        + " from cache), rate limit "
        + (left < 0 ? "unknown" : left + " left");
  }

  /**
   * Fetches the requested facts in parallel and returns all facts gathered so far. Requests still
   * unanswered at the deadline are given up and recorded as unobtainable.
   *
   * @throws GitHubException.Fatal when the token is rejected or the rate limit is spent
   */
  public Facts fetch(Collection<FactRequest> requests, Instant deadline) {
    List<FactRequest> asked = List.copyOf(requests);
    List<Future<?>> pending = new ArrayList<>();
    for (FactRequest request : asked) {
      pending.add(pool.submit(() -> fetchOne(request)));
    }
    for (int i = 0; i < pending.size(); i++) {
      Future<?> future = pending.get(i);
      try {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        future.get(Math.max(0, left), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        for (int j = i; j < pending.size(); j++) {
          if (!pending.get(j).isDone()) {
            pending.get(j).cancel(true);
            unobtainable.putIfAbsent(asked.get(j), "no answer before the --timeout deadline");
          }
        }
        break;
      } catch (CancellationException e) {
        unobtainable.putIfAbsent(asked.get(i), "cancelled");
      } catch (ExecutionException e) {
        pending.forEach(other -> other.cancel(true));
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new GitHubException.Unobtainable(String.valueOf(e.getCause()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GitHubException.Unobtainable("interrupted");
      }
    }
    return facts();
  }

  private void fetchOne(FactRequest request) {
    try {
      if (request instanceof FactRequest.Repository) {
        repo(request.repo());
      } else if (request instanceof FactRequest.PullRequest pr) {
        pullRequest(pr);
      } else if (request instanceof FactRequest.PullRequestsTouching touching) {
        pullRequestsTouching(touching);
      } else if (request instanceof FactRequest.File file) {
        file(file);
      } else if (request instanceof FactRequest.WorkflowList list) {
        workflowList(list);
      } else if (request instanceof FactRequest.Runs runs) {
        runs(runs);
      } else if (request instanceof FactRequest.Jobs jobs) {
        jobs(jobs);
      } else if (request instanceof FactRequest.Log log) {
        log(log);
      }
    } catch (GitHubException.Unobtainable e) {
      unobtainable.put(request, e.getMessage());
    }
  }

  private RepoState state(String repo) {
    return repos.computeIfAbsent(repo, RepoState::new);
  }

  /**
   * The repository's metadata, fetched once. The fetch holds only the repo's fetch lock, never its
   * state monitor, so reading what was gathered never waits on the network.
   */
  private RepoState repo(String repo) {
    RepoState state = state(repo);
    synchronized (state.fetchLock) {
      synchronized (state) {
        if (state.fetched) {
          return state;
        }
      }
      GitHubApi.Answer answer = api.get(api.url("repos/" + repo));
      if (answer.found() && GitHubMapping.text(answer.body(), "default_branch") == null) {
        throw new GitHubException.Unobtainable(
            "GET /repos/" + repo + " answered without a default_branch");
      }
      synchronized (state) {
        state.found = answer.found();
        if (answer.found()) {
          state.defaultBranch = GitHubMapping.text(answer.body(), "default_branch");
          state.htmlUrl = GitHubMapping.text(answer.body(), "html_url");
        }
        state.fetched = true;
      }
    }
    return state;
  }

  private void pullRequest(FactRequest.PullRequest request) {
    GitHubApi.Answer answer =
        api.get(api.url("repos/" + request.repo() + "/pulls/" + request.number()));
    PullRequestFact pr =
        answer.found()
            ? GitHubMapping.pullRequest(answer.body(), null)
            : GitHubMapping.missingPullRequest(request.number());
    RepoState state = state(request.repo());
    synchronized (state) {
      state.pulls.putIfAbsent(pr.number(), pr);
    }
  }

  /**
   * The newest merged pull request that changed a file: the default branch's newest commits
   * touching it, then the pull requests those commits belong to.
   */
  private void pullRequestsTouching(FactRequest.PullRequestsTouching request) {
    RepoState state = repo(request.repo());
    if (!state.found) {
      return;
    }
    List<String> shas = new ArrayList<>();
    api.getPages(
        api.url(
            "repos/" + request.repo() + "/commits",
            "sha",
            state.defaultBranch,
            "path",
            request.path(),
            "per_page",
            String.valueOf(COMMITS_LOOKED_AT)),
        null,
        1,
        false,
        commit -> shas.add(GitHubMapping.text(commit, "sha")));
    PullRequestFact found = null;
    for (String sha : shas) {
      GitHubApi.Answer pulls =
          api.get(api.url("repos/" + request.repo() + "/commits/" + sha + "/pulls"));
      if (pulls.found() && pulls.body().isArray()) {
        for (JsonNode pr : pulls.body()) {
          if (!pr.path("merged_at").isNull()
              && !pr.path("merged_at").isMissingNode()
              && state.defaultBranch.equals(pr.path("base").path("ref").asText())) {
            found = GitHubMapping.pullRequest(pr, files(request.repo(), pr.path("number").asInt()));
            break;
          }
        }
      }
      if (found != null) {
        break;
      }
    }
    synchronized (state) {
      if (found != null) {
        state.pulls.put(found.number(), found);
      }
      state.searchedPaths.add(request.path());
    }
  }

  private List<String> files(String repo, int number) {
    List<String> files = new ArrayList<>();
    api.getPages(
        api.url("repos/" + repo + "/pulls/" + number + "/files", "per_page", "100"),
        null,
        30,
        false,
        file -> files.add(GitHubMapping.text(file, "filename")));
    return files;
  }

  private void file(FactRequest.File request) {
    GitHubApi.Answer answer =
        api.get(
            api.url(
                "repos/" + request.repo() + "/contents/" + request.path(), "ref", request.ref()));
    FileFact file =
        answer.found() && "file".equals(GitHubMapping.text(answer.body(), "type"))
            ? GitHubMapping.file(answer.body(), request.path(), request.ref())
            : new FileFact(request.path(), request.ref(), false, null, null, null);
    RepoState state = state(request.repo());
    synchronized (state) {
      state.files.put(request.path() + "@" + request.ref(), file);
    }
  }

  /**
   * The active workflows' files. GitHub also lists workflows whose file was deleted or that were
   * disabled, and dynamic ones (Pages, Dependabot) with no file in the repository: none of them
   * runs the repo's declared jobs.
   */
  private void workflowList(FactRequest.WorkflowList request) {
    List<String> paths = new ArrayList<>();
    boolean found =
        api.getPages(
            api.url("repos/" + request.repo() + "/actions/workflows", "per_page", "100"),
            "workflows",
            10,
            false,
            workflow -> {
              String path = GitHubMapping.text(workflow, "path");
              if ("active".equals(GitHubMapping.text(workflow, "state"))
                  && path != null
                  && path.startsWith(".github/workflows/")) {
                paths.add(path);
              }
            });
    RepoState state = state(request.repo());
    synchronized (state) {
      state.workflowFiles = found ? List.copyOf(paths) : List.of();
    }
  }

  private void runs(FactRequest.Runs request) {
    String fileName = request.workflow().substring(request.workflow().lastIndexOf('/') + 1);
    List<RunFact> runs = new ArrayList<>();
    long[] workflowId = {0};
    String[] name = {fileName};
    boolean found =
        api.getPages(
            api.url(
                "repos/" + request.repo() + "/actions/workflows/" + fileName + "/runs",
                "exclude_pull_requests",
                "true",
                "per_page",
                "100"),
            "workflow_runs",
            settings.maxRunPages(),
            false,
            run -> {
              runs.add(GitHubMapping.run(run));
              workflowId[0] = run.path("workflow_id").asLong();
              name[0] = GitHubMapping.text(run, "name");
            });
    RepoState state = state(request.repo());
    synchronized (state) {
      WorkflowState workflow = state.workflow(request.workflow());
      workflow.found = found;
      workflow.id = workflowId[0];
      workflow.name = name[0];
      workflow.htmlUrl = "https://github.com/" + request.repo() + "/actions/workflows/" + fileName;
      runs.forEach(run -> workflow.runs.putIfAbsent(run.id(), run));
      workflow.fetched = true;
    }
  }

  /**
   * The jobs of a finished run attempt never change: cached for good, served with no request next
   * time.
   */
  private void jobs(FactRequest.Jobs request) {
    List<JobFact> jobs = new ArrayList<>();
    api.getPages(
        api.url(
            "repos/"
                + request.repo()
                + "/actions/runs/"
                + request.runId()
                + "/attempts/"
                + request.attempt()
                + "/jobs",
            "per_page",
            "100"),
        "jobs",
        10,
        true,
        job -> jobs.add(GitHubMapping.job(job)));
    RepoState state = state(request.repo());
    synchronized (state) {
      state.workflow(request.workflow()).jobs.put(request.runId(), List.copyOf(jobs));
    }
  }

  /**
   * Streams the log, keeping only the lines that match a failure signature and the tail, so a 50 MB
   * log never sits in memory. A finished job's log never changes: its excerpt is cached for good.
   */
  private void log(FactRequest.Log request) {
    okhttp3.HttpUrl url =
        api.url("repos/" + request.repo() + "/actions/jobs/" + request.jobId() + "/logs");
    String key =
        "log-excerpt:"
            + url
            + "#"
            + settings.logPatterns().stream().map(Pattern::pattern).toList().hashCode();
    LogExcerpt excerpt =
        GitHubMapping.excerpt(
            api.immutableText(key, () -> GitHubMapping.excerptJson(excerpt(url))));
    RepoState state = state(request.repo());
    synchronized (state) {
      state.workflow(request.workflow()).logs.put(request.jobId(), excerpt);
    }
  }

  private LogExcerpt excerpt(okhttp3.HttpUrl url) {
    List<LogExcerpt.Line> matched = new ArrayList<>();
    ArrayDeque<LogExcerpt.Line> tail = new ArrayDeque<>();
    long[] number = {0};
    api.streamLog(
        url,
        line -> {
          LogExcerpt.Line numbered = new LogExcerpt.Line(++number[0], line);
          if (matched.size() < LOG_MATCHES
              && settings.logPatterns().stream().anyMatch(p -> p.matcher(line).find())) {
            matched.add(numbered);
          }
          tail.addLast(numbered);
          if (tail.size() > LOG_TAIL) {
            tail.removeFirst();
          }
        });
    Map<Long, LogExcerpt.Line> kept = new TreeMap<>();
    matched.forEach(line -> kept.put(line.number(), line));
    tail.forEach(line -> kept.put(line.number(), line));
    return new LogExcerpt(List.copyOf(kept.values()), number[0]);
  }

  /** Everything gathered so far, as immutable facts. */
  private Facts facts() {
    List<RepoFacts> result = new ArrayList<>();
    for (RepoState state : repos.values()) {
      synchronized (state) {
        if (!state.fetched) {
          continue;
        }
        List<WorkflowFacts> workflows = new ArrayList<>();
        for (WorkflowState workflow : state.workflows.values()) {
          if (workflow.fetched) {
            workflows.add(workflow.build());
          }
        }
        result.add(
            new RepoFacts(
                state.repo,
                state.found,
                state.defaultBranch,
                state.htmlUrl,
                List.copyOf(state.pulls.values()),
                List.copyOf(state.searchedPaths),
                List.copyOf(state.files.values()),
                workflows,
                state.workflowFiles));
      }
    }
    return new Facts(result);
  }

  @Override
  public void close() {
    api.close();
    pool.shutdownNow();
  }

  /** What is known of one repository; guarded by its own monitor. */
  private static final class RepoState {
    final String repo;
    final Object fetchLock = new Object();
    boolean fetched;
    boolean found;
    String defaultBranch;
    String htmlUrl;
    final Map<Integer, PullRequestFact> pulls = new LinkedHashMap<>();
    final List<String> searchedPaths = new ArrayList<>();
    final Map<String, FileFact> files = new LinkedHashMap<>();
    final Map<String, WorkflowState> workflows = new LinkedHashMap<>();
    List<String> workflowFiles;

    RepoState(String repo) {
      this.repo = repo;
    }

    WorkflowState workflow(String path) {
      return workflows.computeIfAbsent(path, WorkflowState::new);
    }
  }

  private static final class WorkflowState {
    final String path;
    boolean fetched;
    boolean found;
    long id;
    String name;
    String htmlUrl;
    final Map<Long, RunFact> runs = new LinkedHashMap<>();
    final Map<Long, List<JobFact>> jobs = new LinkedHashMap<>();
    final Map<Long, LogExcerpt> logs = new LinkedHashMap<>();

    WorkflowState(String path) {
      this.path = path;
    }

    WorkflowFacts build() {
      List<RunFact> built = new ArrayList<>();
      for (RunFact run : runs.values()) {
        List<JobFact> runJobs = jobs.get(run.id());
        built.add(
            runJobs == null
                ? run
                : run.withJobs(
                    runJobs.stream()
                        .map(
                            job ->
                                logs.containsKey(job.id()) ? job.withLog(logs.get(job.id())) : job)
                        .toList()));
      }
      return new WorkflowFacts(path, found, id, name, htmlUrl, built);
    }
  }
}
