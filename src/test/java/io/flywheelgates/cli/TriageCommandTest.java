package io.flywheelgates.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sun.net.httpserver.HttpServer;
import io.flywheelgates.github.FakeGitHub;
import io.flywheelgates.support.Example;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TriageCommandTest {
  private static final String EVENING = "2026-04-17T21:30:00Z";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long NEWEST = 24600001096L;
  private static final long THIRD_NEWEST = 24600000822L;

  @RegisterExtension
  static WireMockExtension github =
      WireMockExtension.newInstance()
          .options(options().dynamicPort().bindAddress("127.0.0.1"))
          .failOnUnmatchedRequests(true)
          .build();

  private CliRunner cli;

  @BeforeEach
  void serveTheExample() {
    FakeGitHub.serve(github, Example.snapshot());
    cli = new CliRunner().env("GH_TOKEN", "ghp_test").env("GITHUB_API_URL", github.baseUrl());
  }

  @Test
  void triageOfTheMorningListsTheHeavyLanesRegistrationFailuresNewestFirst() throws Exception {
    CliRunner.Result result =
        cli.run(
            "triage",
            "pr-1",
            "--snapshot",
            "examples/rollout-2026-04-18-morning-stop.json",
            "--format",
            "json");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    JsonNode root = JSON.readTree(result.out());
    assertThat(root.get("schema").asText()).isEqualTo("flywheel-gates/triage@1");
    JsonNode failures = root.get("failures");
    assertThat(failures).hasSize(4);
    for (JsonNode failure : failures) {
      assertThat(failure.get("cause").asText()).isEqualTo("runner-registration");
      assertThat(failure.get("lane").asText()).isEqualTo("tinyland-nix-heavy");
      assertThat(failure.get("repo").asText()).isEqualTo("tinyland-inc/GloriousFlywheel");
      assertThat(failure.get("job_url").asText())
          .startsWith("https://github.com/tinyland-inc/GloriousFlywheel/actions/runs/");
      assertThat(failure.get("matched").asText())
          .isEqualTo("runner_name is null: the job never got a runner");
      assertThat(failure.get("run_id").asLong()).isPositive();
    }
    List<String> times = new ArrayList<>();
    failures.forEach(failure -> times.add(failure.get("created_at").asText()));
    assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void triageTextShowsCountsPerLaneAndTheMatchedField() {
    CliRunner.Result result = cli.run("triage", "pr-1", "--snapshot", Example.SNAPSHOT.toString());

    assertThat(result.out())
        .contains("tinyland-inc/GloriousFlywheel platform-proof.yml (newest 6 default-branch runs)")
        .contains("tinyland-docker: no failures")
        .contains("tinyland-nix-heavy: 2 failures · runner-registration 2")
        .contains(
            "run 24600001096  runner-registration  runner_name is null: the job never got a runner");
  }

  @Test
  void liveTriageReadsTheLogBehindTheRedirectAndQuotesTheMatchedLine() throws Exception {
    FakeGitHub.serveMissingContractOnHeavyLane(github, Example.snapshot(), NEWEST);

    CliRunner.Result result = cli.run("triage", "pr-1", "--at", EVENING, "--format", "json");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    JsonNode newest = JSON.readTree(result.out()).get("failures").get(0);
    assertThat(newest.get("cause").asText()).isEqualTo("missing-contract");
    assertThat(newest.get("matched").asText())
        .isEqualTo("log line 2: error: ATTIC_SERVER is not set");
  }

  @Test
  void threeConsecutiveContractFailuresStopPr1EndToEnd() throws Exception {
    // newest first: missing-contract (log), runner-registration (metadata), missing-contract (log)
    FakeGitHub.serveMissingContractOnHeavyLane(github, Example.snapshot(), NEWEST, THIRD_NEWEST);

    CliRunner.Result text = cli.run("check", "pr-1", "pr-2", "--at", EVENING);
    CliRunner.Result json = cli.run("check", "pr-1", "--at", EVENING, "--format", "json");

    assertThat(text.exitCode()).as(text.err()).isEqualTo(3);
    assertThat(text.out())
        .contains("pr-1  STOP")
        .contains(
            "missing-contract (run 24600001096), runner-registration (run 24600000959), missing-contract (run 24600000822)")
        .contains("response: block PR 2 and route to runtime integrity work")
        .contains("- reduce command payloads first")
        .contains("pr-2  BLOCKED");
    assertThat(json.exitCode()).isEqualTo(3);
    JsonNode pr1 = JSON.readTree(json.out()).get("prs").get(0);
    assertThat(pr1.get("verdict").asText()).isEqualTo("STOP");
    assertThat(pr1.get("stop_conditions").get(0).get("response").get(0).asText())
        .isEqualTo("block PR 2 and route to runtime integrity work");
    assertThat(pr1.get("rollback")).hasSize(4);
    assertThat(pr1.get("stop_conditions").get(0).get("evidence").get(0).get("matched").asText())
        .isEqualTo("log line 2: error: ATTIC_SERVER is not set");
  }

  /**
   * A 50 MB job log is streamed, not held: triage runs in a JVM capped at 256 MiB of heap, the log
   * served from storage on another port, as GitHub serves logs from storage on another host.
   */
  @Test
  void aFiftyMegabyteLogIsTriagedWithin256MiBOfHeap() throws Exception {
    HttpServer storage =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    storage.createContext(
        "/big-log",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (BufferedWriter out =
              new BufferedWriter(
                  new OutputStreamWriter(exchange.getResponseBody(), StandardCharsets.UTF_8))) {
            String filler =
                "2026-04-17T12:00:00.000Z building //pkg/component:target ... compiling sources, nothing wrong here";
            long written = 0;
            for (int line = 0; written < 50L * 1024 * 1024; line++) {
              String text =
                  line == 300_000
                      ? "2026-04-17T12:03:00.000Z error: ATTIC_SERVER is not set"
                      : filler + " " + line;
              out.write(text);
              out.write('\n');
              written += text.length() + 1;
            }
          }
        });
    storage.start();
    try {
      FakeGitHub.serveMissingContractOnHeavyLane(github, Example.snapshot(), NEWEST);
      String storageUrl = "http://127.0.0.1:" + storage.getAddress().getPort() + "/big-log";
      github.stubFor(
          get(urlPathEqualTo("/repos/tinyland-inc/GloriousFlywheel/actions/jobs/71000000024/logs"))
              .willReturn(aResponse().withStatus(302).withHeader("Location", storageUrl)));

      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx256m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  "io.flywheelgates.cli.Main",
                  "triage",
                  "pr-1",
                  "--at",
                  EVENING,
                  "--format",
                  "json",
                  "--no-cache",
                  "--api-url",
                  github.baseUrl())
              .redirectErrorStream(false)
              .start();
      byte[] out = process.getInputStream().readAllBytes();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

      assertThat(process.exitValue()).as(err).isEqualTo(0);
      JsonNode newest = JSON.readTree(out).get("failures").get(0);
      assertThat(newest.get("cause").asText()).isEqualTo("missing-contract");
      assertThat(newest.get("matched").asText())
          .isEqualTo("log line 300001: 2026-04-17T12:03:00.000Z error: ATTIC_SERVER is not set");
    } finally {
      storage.stop(0);
    }
  }
}
