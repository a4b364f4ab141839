package io.flywheelgates.bench;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.flywheelgates.facts.SnapshotCodec;
import io.flywheelgates.github.FakeGitHub;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live path end to end: a fake GitHub on loopback serving the example rollout with {@code
 * DELAY_MS} added to every answer, and the real jar run against it twice, cold (empty cache) and
 * warm. Reports requests, 304s, cache hits, rounds, the longest dependent chain, and wall time
 * including JVM start-up. Run it through bench/live.sh.
 */
public final class LiveBenchmark {
  private static final Pattern COST =
      Pattern.compile("(\\d+) requests \\((\\d+) not modified, (\\d+) from cache\\)");
  private static final Pattern CHAIN =
      Pattern.compile("(\\d+) rounds; longest chain of dependent requests about (\\d+)");

  public static void main(String[] args) throws Exception {
    int delay = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    Path jar = Path.of("target/flywheel-gates.jar");
    WireMockServer server =
        new WireMockServer(
            options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .containerThreads(64)
                .asynchronousResponseEnabled(true));
    server.start();
    try {
      var snapshot = new SnapshotCodec().read(Path.of("examples/rollout-2026-04-17-evening.json"));
      FakeGitHub.serve(server, server.baseUrl(), snapshot);
      FakeGitHub.serveFailingJobWithLog(server, server.baseUrl(), snapshot);
      if (args.length > 1 && args[1].equals("--serve")) {
        server.setGlobalFixedDelay(delay);
        // Keeps the fake GitHub up for trying commands by hand: bench/live.sh 0 --serve
        System.out.println("serving the example rollout on " + server.baseUrl() + " for 60 s");
        Thread.sleep(60_000);
        return;
      }
      // The fake server is a JVM too: one untimed pass with a throwaway cache warms it, so that
      // "cold" measures our
      // client starting cold, not WireMock compiling its own request path.
      run(jar, server.baseUrl(), Files.createTempDirectory("flywheel-gates-bench-warm-up"));
      // What a cold run costs with no latency at all: JVM start-up, the HTTP stack, parsing,
      // evaluation.
      long fixedStart = System.nanoTime();
      run(jar, server.baseUrl(), Files.createTempDirectory("flywheel-gates-bench-fixed"));
      double fixed = (System.nanoTime() - fixedStart) / 1e9;
      server.setGlobalFixedDelay(delay);
      Path cache = Files.createTempDirectory("flywheel-gates-bench-cache");
      System.out.printf(
          "fake GitHub on %s, %d ms added to every answer; a cold run with no latency takes %.2f s%n",
          server.baseUrl(), delay, fixed);
      for (String pass : List.of("cold", "warm")) {
        // Each pass is timed RUNS times (the median is reported); a cold pass starts from an empty
        // cache each time.
        double[] times = new double[RUNS];
        String err = null;
        for (int i = 0; i < RUNS; i++) {
          Path passCache =
              pass.equals("cold") ? Files.createTempDirectory("flywheel-gates-bench-cold") : cache;
          server.resetRequests();
          long started = System.nanoTime();
          err = run(jar, server.baseUrl(), passCache);
          times[i] = (System.nanoTime() - started) / 1e9;
          if (pass.equals("cold") && i == RUNS - 1) {
            // the warm passes start from a cache this cold pass filled
            copy(passCache, cache);
          }
        }
        double seconds = median(times);
        Set<String> distinct = new HashSet<>();
        server.getAllServeEvents().forEach(event -> distinct.add(event.getRequest().getUrl()));
        Matcher cost = COST.matcher(err);
        Matcher chain = CHAIN.matcher(err);
        if (!cost.find() || !chain.find()) {
          throw new IllegalStateException("no cost line in:\n" + err);
        }
        int requests = Integer.parseInt(cost.group(1));
        int notModified = Integer.parseInt(cost.group(2));
        System.out.printf(
            "%s: wall %.2f s (median of "
                + RUNS
                + "), %d requests (%d not modified, %s from cache), %d rate-limited,"
                + " %d distinct URLs served, %s rounds, longest chain %s requests (%d ms at %d ms each)%n",
            pass,
            seconds,
            requests,
            notModified,
            cost.group(3),
            requests - notModified,
            distinct.size(),
            chain.group(1),
            chain.group(2),
            Integer.parseInt(chain.group(2)) * delay,
            delay);
        err.lines()
            .filter(line -> line.startsWith("round "))
            .forEach(line -> System.out.println("  " + line));
        if (pass.equals("cold")) {
          System.out.printf(
              "  latency-dependent part: %.2f s; target 1.5 x chain = %.2f s%n",
              seconds - fixed, 1.5 * Integer.parseInt(chain.group(2)) * delay / 1000.0);
        }
      }
    } finally {
      server.stop();
    }
  }

  private static final int RUNS = 3;

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void copy(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static String run(Path jar, String apiUrl, Path cache)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "check",
                "--all",
                "--at",
                "2026-04-17T21:30:00Z",
                "--api-url",
                apiUrl,
                "--cache-dir",
                cache.toString(),
                "--format",
                "json",
                "-v"));
    Process process =
        new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    byte[] err = process.getErrorStream().readAllBytes();
    int code = process.waitFor();
    if (code != 1) {
      throw new IllegalStateException(
          "expected exit 1 (NO_GO), got " + code + ":\n" + new String(err, StandardCharsets.UTF_8));
    }
    return new String(err, StandardCharsets.UTF_8);
  }
}
