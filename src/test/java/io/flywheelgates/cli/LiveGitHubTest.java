package io.flywheelgates.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.flywheelgates.github.FakeGitHub;
import io.flywheelgates.support.Example;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** check and snapshot against a fake GitHub on loopback, serving the example rollout. */
class LiveGitHubTest {
  private static final String TOKEN = "ghp_TEST-token-that-must-never-be-shown-0123456789";
  private static final String EVENING = "2026-04-17T21:30:00Z";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static WireMockExtension github =
      WireMockExtension.newInstance()
          .options(options().dynamicPort().bindAddress("127.0.0.1"))
          .failOnUnmatchedRequests(true)
          .build();

  @TempDir Path temp;

  private CliRunner cli;

  @BeforeEach
  void serveTheExample() {
    FakeGitHub.serve(github, Example.snapshot());
    cli = new CliRunner().env("GH_TOKEN", TOKEN).env("GITHUB_API_URL", github.baseUrl());
  }

  /** Whatever a test did, the token is in no output, no cache file and no file it wrote. */
  @org.junit.jupiter.api.AfterEach
  void theTokenAppearsNowhere() throws Exception {
    for (CliRunner.Result result : cli.results()) {
      assertThat(result.out()).doesNotContain(TOKEN);
      assertThat(result.err()).doesNotContain(TOKEN);
    }
    for (Path root : List.of(Path.of(cli.cacheHome()), temp)) {
      try (var files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          assertThat(Files.readString(file)).as(file.toString()).doesNotContain(TOKEN);
        }
      }
    }
  }

  private CliRunner.Result checkAll(String... more) {
    List<String> args =
        new ArrayList<>(List.of("check", "--all", "--at", EVENING, "--format", "json"));
    args.addAll(List.of(more));
    return cli.run(args.toArray(String[]::new));
  }

  private static List<String> verdicts(String json) throws Exception {
    List<String> verdicts = new ArrayList<>();
    JSON.readTree(json)
        .get("prs")
        .forEach(pr -> verdicts.add(pr.get("id").asText() + " " + pr.get("verdict").asText()));
    return verdicts;
  }

  @Test
  void liveEvidenceGivesTheSameVerdictsAsTheRecordedExample() throws Exception {
    CliRunner.Result live = checkAll();
    CliRunner.Result recorded =
        cli.run("check", "--all", "--snapshot", Example.SNAPSHOT.toString(), "--format", "json");

    assertThat(live.exitCode()).as(live.err()).isEqualTo(1);
    assertThat(verdicts(live.out())).isEqualTo(verdicts(recorded.out()));
    assertThat(JSON.readTree(live.out()).get("source").get("kind").asText()).isEqualTo("github");
  }

  @Test
  void theScorecardFromGitHubIsTheOneFromTheRecordedExampleAndItsSnapshotKeepsIt()
      throws Exception {
    Path file = temp.resolve("scorecard-snapshot.json");

    CliRunner.Result live = cli.run("scorecard", "--at", EVENING, "--format", "markdown", "-v");

    assertThat(live.exitCode()).as(live.err()).isEqualTo(0);
    assertThat(live.out())
        .isEqualTo(Files.readString(Path.of("src/test/resources/golden/scorecard-evening.md")));
    // One listing per repo; workflows GitHub lists without a file here or disabled are not read.
    assertThat(github.findAll(getRequestedFor(urlPathMatching(".*/actions/workflows")))).hasSize(5);
    assertThat(github.findAll(getRequestedFor(urlPathMatching(".*/contents/dynamic/.*"))))
        .isEmpty();
    assertThat(github.findAll(getRequestedFor(urlPathMatching(".*/old\\.yml.*")))).isEmpty();
    CliRunner.Result recorded = cli.run("snapshot", "-o", file.toString(), "--at", EVENING);
    CliRunner.Result offline =
        cli.run("scorecard", "--snapshot", file.toString(), "--format", "markdown");
    assertThat(recorded.exitCode()).as(recorded.err()).isEqualTo(0);
    assertThat(offline.out()).isEqualTo(live.out());
  }

  @Test
  void aSnapshotRecordedLiveGivesTheSameVerdictOffline() throws Exception {
    Path file = temp.resolve("live.json");

    CliRunner.Result recorded = cli.run("snapshot", "-o", file.toString(), "--at", EVENING);
    CliRunner.Result live = checkAll();
    CliRunner.Result offline =
        cli.run("check", "--all", "--snapshot", file.toString(), "--format", "json");

    assertThat(recorded.exitCode()).as(recorded.err()).isEqualTo(0);
    assertThat(recorded.err()).contains("wrote " + file);
    assertThat(offline.exitCode()).isEqualTo(live.exitCode());
    assertThat(withoutSource(offline.out())).isEqualTo(withoutSource(live.out()));
  }

  @Test
  void theTokenIsSentOnlyToTheApiAndShownNowhere() throws Exception {
    Path file = temp.resolve("live.json");
    FakeGitHub.serveFailingJobWithLog(github, Example.snapshot());

    CliRunner.Result check = cli.run("check", "--all", "--at", EVENING, "-v");
    CliRunner.Result snapshot = cli.run("snapshot", "-o", file.toString(), "--at", EVENING, "-v");

    for (String text :
        List.of(check.out(), check.err(), snapshot.out(), snapshot.err(), Files.readString(file))) {
      assertThat(text).doesNotContain(TOKEN).doesNotContain("ghp_");
    }
    github.verify(
        getRequestedFor(urlPathEqualTo("/repos/tinyland-inc/GloriousFlywheel"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader("Accept", equalTo("application/vnd.github+json"))
            .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
            .withHeader(
                "User-Agent",
                com.github.tomakehurst.wiremock.client.WireMock.matching("flywheel-gates/.+")));
    github.verify(getRequestedFor(urlPathMatching("/storage/.*")).withoutHeader("Authorization"));
    assertThat(check.err())
        .contains("GET /repos/tinyland-inc/GloriousFlywheel 200")
        .containsPattern("\\d+ requests \\(0 not modified, 0 from cache\\), rate limit 4990 left");
  }

  @Test
  void gitHubEnterpriseServerUnderApiV3Works() throws Exception {
    github.resetAll();
    FakeGitHub.serveUnder(github, "/api/v3", Example.snapshot());

    CliRunner.Result result =
        cli.run(
            "check",
            "--all",
            "--at",
            EVENING,
            "--format",
            "json",
            "--api-url",
            github.baseUrl() + "/api/v3");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    assertThat(verdicts(result.out()))
        .containsExactly(
            "pr-1 GO", "pr-2 GO", "pr-3 NO_GO", "pr-4 BLOCKED", "pr-5 BLOCKED", "pr-6 BLOCKED");
    github.verify(getRequestedFor(urlPathEqualTo("/api/v3/repos/tinyland-inc/GloriousFlywheel")));
  }

  @Test
  void runListsAreReadPageByPageFollowingLinkHeaders() throws Exception {
    FakeGitHub.serveRunsInThreePages(
        github, Example.snapshot(), "tinyland-inc/GloriousFlywheel", "platform-proof.yml");

    CliRunner.Result result = cli.run("check", "pr-1", "--at", EVENING, "--format", "json");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    github.verify(
        getRequestedFor(
                urlPathEqualTo(
                    "/repos/tinyland-inc/GloriousFlywheel/actions/workflows/platform-proof.yml/runs"))
            .withQueryParam("page", equalTo("3")));
    JsonNode stability =
        JSON.readTree(result.out()).get("prs").get(0).get("gates").get(2).get("checks").get(0);
    assertThat(stability.get("status").asText()).isEqualTo("PASS");
  }

  @Test
  void twoBadGatewaysThenAnAnswerGiveTheSameVerdict() throws Exception {
    String clean = checkAll().out();
    github.stubFor(
        get(urlPathEqualTo("/repos/tinyland-inc/ci-templates"))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("once"));
    github.stubFor(
        get(urlPathEqualTo("/repos/tinyland-inc/ci-templates"))
            .inScenario("flaky")
            .whenScenarioStateIs("once")
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("twice"));
    github.stubFor(
        get(urlPathEqualTo("/repos/tinyland-inc/ci-templates"))
            .inScenario("flaky")
            .whenScenarioStateIs("twice")
            .willReturn(FakeGitHub.repoJson("tinyland-inc/ci-templates")));

    CliRunner.Result flaky = checkAll();

    assertThat(flaky.exitCode()).as(flaky.err()).isEqualTo(1);
    assertThat(withoutSource(flaky.out())).isEqualTo(withoutSource(clean));
  }

  @Test
  void aConnectionResetIsRetried() throws Exception {
    github.stubFor(
        get(urlPathEqualTo("/repos/tinyland-inc/tinyvectors"))
            .inScenario("reset")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("recovered"));
    github.stubFor(
        get(urlPathEqualTo("/repos/tinyland-inc/tinyvectors"))
            .inScenario("reset")
            .whenScenarioStateIs("recovered")
            .willReturn(FakeGitHub.repoJson("tinyland-inc/tinyvectors")));

    assertThat(checkAll().exitCode()).isEqualTo(1);
  }

  @Test
  void aRejectedTokenEndsWithExit4AndNeverShowsTheToken() {
    github.stubFor(
        get(urlPathEqualTo("/repos/tinyland-inc/GloriousFlywheel"))
            .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Bad credentials\"}")));

    CliRunner.Result result = cli.run("check", "pr-1", "--at", EVENING);

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.err())
        .contains("GitHub rejected the token (401 Unauthorized)")
        .doesNotContain(TOKEN);
    assertThat(result.out()).isEmpty();
  }

  @Test
  void aSpentRateLimitWithAResetAnHourAwayEndsAtOnceWithExit4() {
    java.time.Instant resetAt =
        java.time.Instant.now()
            .plusSeconds(3600)
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    long reset = resetAt.getEpochSecond();
    github.stubFor(
        get(urlPathEqualTo("/repos/tinyland-inc/GloriousFlywheel"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("x-ratelimit-remaining", "0")
                    .withHeader("x-ratelimit-reset", String.valueOf(reset))
                    .withBody("{\"message\":\"API rate limit exceeded\"}")));

    long started = System.nanoTime();
    CliRunner.Result result =
        new CliRunner()
            .env("GITHUB_API_URL", github.baseUrl())
            .run("check", "pr-1", "--at", EVENING);

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.err())
        .contains("rate limit is spent; it resets at " + resetAt)
        .contains("longer than --max-wait 60 s")
        .contains("set GH_TOKEN")
        .contains("no GH_TOKEN or GITHUB_TOKEN");
    assertThat((System.nanoTime() - started) / 1_000_000_000.0).isLessThan(10.0);
  }

  @Test
  void malformedJsonLeavesItsRulesUndecidedAndExits4() {
    github.stubFor(
        get(urlPathEqualTo("/repos/tinyland-inc/GloriousFlywheel/pulls/220"))
            .willReturn(aResponse().withStatus(200).withBody("{\"number\": 220, \"title\": ")));
    github.stubFor(
        get(urlPathMatching("/repos/tinyland-inc/GloriousFlywheel/commits/commit220/pulls"))
            .willReturn(aResponse().withStatus(200).withBody("[{\"number\": ")));

    CliRunner.Result result = cli.run("check", "pr-1", "--at", EVENING);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
    assertThat(result.out()).contains("pr-1  INCONCLUSIVE");
    assertThat(result.err()).contains("could not obtain").contains("malformed JSON");
  }

  @Test
  void aWorkflowGitHubDoesNotKnowIsTheRulesFindingNotACrash() throws Exception {
    github.stubFor(
        get(urlPathEqualTo(
                "/repos/tinyland-inc/GloriousFlywheel/actions/workflows/platform-proof.yml/runs"))
            .willReturn(aResponse().withStatus(404).withBody("{\"message\":\"Not Found\"}")));

    CliRunner.Result result = cli.run("check", "pr-1", "--at", EVENING, "--format", "json");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    assertThat(result.out())
        .contains("workflow platform-proof.yml not found in tinyland-inc/GloriousFlywheel");
  }

  @Test
  void aWarmReRunRevalidatesListsAndAsksNothingForFinishedJobsAndLogs() throws Exception {
    FakeGitHub.serveFailingJobWithLog(github, Example.snapshot());
    CliRunner.Result cold = checkAll("-v");
    github.resetRequests();

    CliRunner.Result warm = checkAll("-v");

    assertThat(withoutSource(warm.out())).isEqualTo(withoutSource(cold.out()));
    github.verify(0, getRequestedFor(urlPathMatching(".*/attempts/.*/jobs")));
    github.verify(0, getRequestedFor(urlPathMatching(".*/logs")));
    github.verify(0, getRequestedFor(urlPathMatching("/storage/.*")));
    java.util.regex.Matcher cost =
        java.util.regex.Pattern.compile(
                "(\\d+) requests \\((\\d+) not modified, (\\d+) from cache\\)")
            .matcher(warm.err());
    assertThat(cost.find()).as(warm.err()).isTrue();
    assertThat(cost.group(1))
        .as("every request of the warm run was a 304")
        .isEqualTo(cost.group(2));
    assertThat(Integer.parseInt(cost.group(3))).isPositive();
    assertThat(warm.err()).contains(" 304 ");
  }

  @Test
  void theCacheHoldsNoTokenAndACorruptEntryIsRefetchedNotTrusted() throws Exception {
    checkAll();
    List<Path> entries;
    try (var files = Files.walk(Path.of(cli.cacheHome()))) {
      entries = files.filter(Files::isRegularFile).toList();
    }
    assertThat(entries).isNotEmpty();
    for (Path entry : entries) {
      String text = Files.readString(entry);
      assertThat(text).doesNotContain(TOKEN);
      Files.writeString(entry, text.substring(0, text.length() / 2));
    }

    CliRunner.Result again = checkAll();

    assertThat(again.exitCode()).as(again.err()).isEqualTo(1);
    assertThat(verdicts(again.out()))
        .containsExactly(
            "pr-1 GO", "pr-2 GO", "pr-3 NO_GO", "pr-4 BLOCKED", "pr-5 BLOCKED", "pr-6 BLOCKED");
  }

  @Test
  void aSecondaryRateLimitsRetryAfterIsHonoured() {
    github.stubFor(
        get(urlPathEqualTo("/repos/tinyland-inc/GloriousFlywheel"))
            .inScenario("secondary")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Retry-After", "1")
                    .withBody("{\"message\":\"You have exceeded a secondary rate limit\"}"))
            .willSetStateTo("waited"));
    github.stubFor(
        get(urlPathEqualTo("/repos/tinyland-inc/GloriousFlywheel"))
            .inScenario("secondary")
            .whenScenarioStateIs("waited")
            .willReturn(FakeGitHub.repoJson("tinyland-inc/GloriousFlywheel")));

    long started = System.nanoTime();
    CliRunner.Result result = cli.run("check", "pr-1", "--at", EVENING);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    assertThat((System.nanoTime() - started) / 1e9).isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void aPersonAtATerminalSeesProgressWhenGatheringTakesOverASecondAndNobodyElseDoes() {
    github.stubFor(
        get(urlPathEqualTo("/repos/tinyland-inc/GloriousFlywheel"))
            .willReturn(FakeGitHub.repoJson("tinyland-inc/GloriousFlywheel").withFixedDelay(1600)));
    CliRunner person =
        new CliRunner()
            .interactive()
            .env("GH_TOKEN", TOKEN)
            .env("GITHUB_API_URL", github.baseUrl());
    CliRunner script =
        new CliRunner()
            .interactive()
            .env("GH_TOKEN", TOKEN)
            .env("GITHUB_API_URL", github.baseUrl());

    CliRunner.Result text = person.run("check", "pr-1", "--at", EVENING);
    CliRunner.Result json = script.run("check", "pr-1", "--at", EVENING, "--format", "json");

    assertThat(text.exitCode()).as(text.err()).isEqualTo(0);
    assertThat(text.err())
        .contains("gathering evidence from GitHub, round 1")
        .endsWith("\r\u001b[K");
    assertThat(text.out()).doesNotContain("gathering evidence");
    assertThat(json.err()).doesNotContain("gathering evidence");
    assertThat(checkAll().err()).doesNotContain("gathering evidence");
  }

  @Test
  void anAnswerSlowerThanTheDeadlineIsReportedAsNotObtained() {
    github.stubFor(
        get(urlPathEqualTo("/repos/tinyland-inc/GloriousFlywheel"))
            .willReturn(FakeGitHub.repoJson("tinyland-inc/GloriousFlywheel").withFixedDelay(4000)));

    long started = System.nanoTime();
    CliRunner.Result result = cli.run("check", "pr-1", "--at", EVENING, "--timeout", "1");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
    assertThat(result.err())
        .contains(
            "could not obtain tinyland-inc/GloriousFlywheel: no answer before the --timeout deadline");
    assertThat((System.nanoTime() - started) / 1e9).isLessThan(3.5);
  }

  private static JsonNode withoutSource(String json) throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(json);
    root.remove("source");
    return root;
  }
}
