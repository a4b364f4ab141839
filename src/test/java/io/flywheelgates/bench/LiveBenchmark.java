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
      server.setGlobalFixedDelay(delay);
      if (args.length > 1 && args[1].equals("--serve")) {
        // Keeps the fake GitHub up for trying commands by hand: bench/live.sh 0 --serve
        System.out.println("serving the example rollout on " + server.baseUrl() + " for 60 s");
        Thread.sleep(60_000);
        return;
      }
      Path cache = Files.createTempDirectory("flywheel-gates-bench-cache");
      System.out.printf(
          "fake GitHub on %s, %d ms added to every answer%n", server.baseUrl(), delay);
      for (String pass : List.of("cold", "warm")) {
        server.resetRequests();
        long started = System.nanoTime();
        String err = run(jar, server.baseUrl(), cache);
        double seconds = (System.nanoTime() - started) / 1e9;
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
            "%s: wall %.2f s, %d requests (%d not modified, %s from cache), %d rate-limited,"
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
      }
    } finally {
      server.stop();
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
