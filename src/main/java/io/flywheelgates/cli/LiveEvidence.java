package io.flywheelgates.cli;

import io.flywheelgates.definition.Definitions;
import io.flywheelgates.engine.Engine;
import io.flywheelgates.facts.FactRequest;
import io.flywheelgates.facts.Facts;
import io.flywheelgates.github.GitHubFactSource;
import io.flywheelgates.verdict.RolloutVerdict;
import io.flywheelgates.verdict.Source;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Gathers live evidence in rounds: evaluate, fetch exactly the facts the rules lacked, evaluate
 * again, until nothing new is needed. Each round's requests go out in parallel; a fact asked for
 * once is never asked for again, so a fact that could not be had leaves its rules undecided instead
 * of looping.
 */
final class LiveEvidence {
  private static final int MAX_ROUNDS = 40;

  /** What a pure step made of the facts, and the facts it lacked. */
  record Step<T>(T result, Set<FactRequest> missing) {}

  /** A pure step over facts, given the evaluation instant and where the facts come from. */
  interface Pure<T> {
    Step<T> apply(Facts facts, Instant at, Source source);
  }

  /**
   * Runs a pure step over the evidence: the snapshot named by {@code --snapshot}, or else GitHub,
   * read live in rounds until the step lacks nothing new.
   */
  static <T> T run(
      Pure<T> step,
      Definitions definitions,
      EvaluationOptions options,
      GitHubOptions github,
      Environment environment,
      PrintWriter err)
      throws io.flywheelgates.facts.SnapshotCodec.UnreadableSnapshotException {
    if (options.snapshot != null) {
      EvaluationOptions.Offline offline = options.offline();
      return step.apply(offline.snapshot().facts(), offline.at(), offline.source()).result();
    }
    Instant at = options.at != null ? options.at : Instant.now();
    try (GitHubFactSource live = github.open(definitions, environment, err, options.verbose)) {
      Source source = new Source("github", null, live.apiUrl(), null);
      return gather(
              facts -> step.apply(facts, at, source),
              live,
              github.deadline(),
              err,
              options.verbose,
              Progress.forPerson(
                  environment,
                  options.format == EvaluationOptions.Format.text,
                  options.verbose,
                  err))
          .result();
    }
  }

  record Outcome<T>(T result, Facts facts) {}

  private LiveEvidence() {}

  /** The engine as a step: the verdict of the named PRs, and the facts its rules lacked. */
  static Pure<RolloutVerdict> engineStep(Definitions definitions, List<String> ids) {
    Engine engine = new Engine();
    return (facts, at, source) -> {
      Engine.Evaluation evaluation =
          engine.evaluateListingMissing(definitions, facts, at, source, ids);
      return new Step<>(evaluation.verdict(), evaluation.missing());
    };
  }

  /**
   * Evaluates the rollout's verdict from live evidence, keeping the facts gathered (for a
   * snapshot).
   */
  static Outcome<RolloutVerdict> verdict(
      Definitions definitions,
      List<String> ids,
      Instant at,
      GitHubFactSource github,
      Instant deadline,
      PrintWriter err,
      boolean verbose,
      Progress progress) {
    Source source = new Source("github", null, github.apiUrl(), null);
    Pure<RolloutVerdict> step = engineStep(definitions, ids);
    return gather(facts -> step.apply(facts, at, source), github, deadline, err, verbose, progress);
  }

  /**
   * Runs a pure step over the facts gathered so far, fetches what it lacked, and runs it again,
   * until it lacks nothing new, the deadline passes or the rounds run out.
   */
  static <T> Outcome<T> gather(
      Function<Facts, Step<T>> step,
      GitHubFactSource github,
      Instant deadline,
      PrintWriter err,
      boolean verbose,
      Progress progress) {
    Facts facts = new Facts(List.of());
    Set<FactRequest> asked = new HashSet<>();
    Step<T> current = step.apply(facts);
    int rounds = 0;
    int chain = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<FactRequest> todo = current.missing().stream().filter(asked::add).toList();
      if (todo.isEmpty() || Instant.now().isAfter(deadline)) {
        break;
      }
      long started = System.nanoTime();
      progress.status("round " + (rounds + 1) + ", " + todo.size() + " facts");
      facts = github.fetch(todo, deadline);
      long fetchMillis = (System.nanoTime() - started) / 1_000_000;
      current = step.apply(facts);
      rounds++;
      chain += todo.stream().mapToInt(LiveEvidence::sequentialRequests).max().orElse(0);
      if (verbose) {
        err.println(
            "round "
                + rounds
                + ": "
                + todo.size()
                + " facts asked for, fetched in "
                + fetchMillis
                + " ms");
      }
    }
    progress.close();
    github
        .unobtainable()
        .forEach(
            (request, why) ->
                err.println("flywheel-gates: could not obtain " + describe(request) + ": " + why));
    if (verbose) {
      err.println(rounds + " rounds; longest chain of dependent requests about " + chain);
      err.println(github.costLine());
    }
    err.flush();
    return new Outcome<>(current.result(), facts);
  }

  /**
   * Requests that must follow one another to answer one fact: a changed-file search lists commits,
   * then their pull request, then its files; a log is a redirect, then the storage. A run list's
   * further pages are not counted.
   */
  private static int sequentialRequests(FactRequest request) {
    if (request instanceof FactRequest.PullRequestsTouching) {
      return 3;
    }
    return request instanceof FactRequest.Log ? 2 : 1;
  }

  private static String describe(FactRequest request) {
    if (request instanceof FactRequest.Repository) {
      return request.repo();
    } else if (request instanceof FactRequest.PullRequest pr) {
      return request.repo() + "#" + pr.number();
    } else if (request instanceof FactRequest.PullRequestsTouching touching) {
      return "the pull requests that changed " + touching.path() + " in " + request.repo();
    } else if (request instanceof FactRequest.File file) {
      return file.path() + "@" + file.ref() + " in " + request.repo();
    } else if (request instanceof FactRequest.WorkflowList) {
      return "the workflow files of " + request.repo();
    } else if (request instanceof FactRequest.Runs runs) {
      return "the runs of " + runs.workflow() + " in " + request.repo();
    } else if (request instanceof FactRequest.Jobs jobs) {
      return "the jobs of run " + jobs.runId() + " in " + request.repo();
    } else if (request instanceof FactRequest.Log log) {
      return "the log of job " + log.jobId() + " in " + request.repo();
    }
    return String.valueOf(request);
  }
}
