package io.flywheelgates.bench;

import io.flywheelgates.definition.DefinitionLoader;
import io.flywheelgates.definition.Definitions;
import io.flywheelgates.engine.Engine;
import io.flywheelgates.facts.Facts;
import io.flywheelgates.facts.JobFact;
import io.flywheelgates.facts.LogExcerpt;
import io.flywheelgates.facts.RepoFacts;
import io.flywheelgates.facts.RunFact;
import io.flywheelgates.facts.Snapshot;
import io.flywheelgates.facts.SnapshotCodec;
import io.flywheelgates.facts.WorkflowFacts;
import io.flywheelgates.verdict.RolloutVerdict;
import io.flywheelgates.verdict.Source;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times the engine alone over a synthetic rollout of N runs (3 jobs each), all six PRs, and reports
 * the heap in use with the facts loaded. Run it through bench/evaluation.sh, which pins one core
 * and caps the heap.
 *
 * <p>The runs are shaped to make the engine read everything: most are on feature branches or pull
 * requests (filtered out one by one), and the heavy lane fails for an unclassified reason in every
 * default-branch run but the oldest three, so PR 1's stability count must walk the whole history.
 */
public final class EvaluationBenchmark {
  private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args.length > 0 ? args[0] : "100000");
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 11;
    Definitions gates = new DefinitionLoader().loadDirectory(Path.of("gates"));
    Snapshot example =
        new SnapshotCodec().read(Path.of("examples/rollout-2026-04-17-evening.json"));
    Facts facts = synthetic(example, runs);
    Instant at = START.plusSeconds(60L * runs + 3600);
    Source source = new Source("snapshot", "synthetic", example.apiUrl(), at);

    System.gc();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long heapWithFacts = memory.getHeapMemoryUsage().getUsed();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Engine engine = new Engine();
    long[] wallNanos = new long[iterations];
    long[] cpuNanos = new long[iterations];
    RolloutVerdict verdict = null;
    for (int warmUp = 0; warmUp < 5; warmUp++) {
      verdict = engine.evaluate(gates, facts, at, source, List.of());
    }
    for (int i = 0; i < iterations; i++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      verdict = engine.evaluate(gates, facts, at, source, List.of());
      wallNanos[i] = System.nanoTime() - wall;
      cpuNanos[i] = threads.getCurrentThreadCpuTime() - cpu;
    }
    long peak =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
            .mapToLong(pool -> pool.getPeakUsage().getUsed())
            .sum();
    System.out.printf(
        "runs=%d jobs=%d prs=%d verdict=%s evaluation_median_ms=%.1f evaluation_cpu_median_ms=%.1f"
            + " heap_with_facts_mib=%d heap_peak_mib=%d max_heap_mib=%d cpus=%d%n",
        runs,
        3L * runs,
        verdict.prs().size(),
        verdict.verdict(),
        median(wallNanos) / 1e6,
        median(cpuNanos) / 1e6,
        heapWithFacts >> 20,
        peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors());
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /**
   * The example's repositories, with every workflow's runs replaced by a share of {@code total}
   * synthetic ones.
   */
  private static Facts synthetic(Snapshot example, int total) {
    List<RepoFacts> repos = new ArrayList<>();
    long[] ids = {1};
    for (RepoFacts repo : example.repositories()) {
      List<WorkflowFacts> workflows = new ArrayList<>();
      for (WorkflowFacts workflow : repo.workflows()) {
        int share = workflow.path().endsWith("platform-proof.yml") ? total * 4 / 10 : total / 10;
        workflows.add(
            new WorkflowFacts(
                workflow.path(),
                true,
                workflow.id(),
                workflow.name(),
                workflow.htmlUrl(),
                runs(repo.fullName(), workflow.path().endsWith("platform-proof.yml"), share, ids)));
      }
      repos.add(
          new RepoFacts(
              repo.fullName(),
              repo.found(),
              repo.defaultBranch(),
              repo.htmlUrl(),
              repo.pullRequests(),
              repo.touchedPathsSearched(),
              repo.files(),
              workflows,
              null));
    }
    return new Facts(repos);
  }

  private static List<RunFact> runs(String repo, boolean proof, int count, long[] ids) {
    List<RunFact> runs = new ArrayList<>(count);
    LogExcerpt log =
        new LogExcerpt(List.of(new LogExcerpt.Line(812, "FAIL //pkg:test (exit 1)")), 900);
    for (int i = 0; i < count; i++) {
      long id = ids[0]++;
      Instant created = START.plusSeconds(60L * i + (proof ? 0 : 30));
      String branch = i % 3 == 0 ? "main" : "feat/change-" + (i % 97);
      String event = i % 3 == 0 ? (i % 2 == 0 ? "push" : "schedule") : "pull_request";
      boolean oldest = i < 9;
      List<JobFact> jobs = new ArrayList<>(3);
      String[] lanes =
          proof
              ? new String[] {"tinyland-docker", "tinyland-nix", "tinyland-nix-heavy"}
              : new String[] {"tinyland-nix", "tinyland-nix", "ubuntu-latest"};
      for (int j = 0; j < 3; j++) {
        boolean fails = j == 2 && !oldest;
        jobs.add(
            new JobFact(
                id * 4 + j,
                "job " + j,
                "completed",
                fails ? "failure" : "success",
                List.of(lanes[j]),
                "runner-" + j,
                "tinyland-arc",
                created,
                created.plusSeconds(300),
                "https://github.com/" + repo + "/actions/runs/" + id + "/job/" + (id * 4 + j),
                List.of(),
                fails ? log : null));
      }
      runs.add(
          new RunFact(
              id,
              "Run",
              branch,
              "sha" + id,
              event,
              "completed",
              jobs.get(2).conclusion(),
              1,
              created,
              "https://github.com/" + repo + "/actions/runs/" + id,
              jobs));
    }
    return runs;
  }
}
