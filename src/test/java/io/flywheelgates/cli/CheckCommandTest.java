package io.flywheelgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.flywheelgates.facts.JobFact;
import io.flywheelgates.facts.RepoFacts;
import io.flywheelgates.facts.RunFact;
import io.flywheelgates.facts.Snapshot;
import io.flywheelgates.facts.SnapshotCodec;
import io.flywheelgates.facts.WorkflowFacts;
import io.flywheelgates.support.Example;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check command end to end, one test per exit code, with the output a user sees. */
class CheckCommandTest {
  private static final String EXAMPLE = Example.SNAPSHOT.toString();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  private final CliRunner cli = new CliRunner();

  @Test
  void exit0WhenEveryPrAskedAboutIsGo() {
    CliRunner.Result result = cli.run("check", "pr-1", "pr-2", "--snapshot", EXAMPLE);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    assertThat(result.out())
        .contains("pr-1  GO  Source default-branch proof · tinyland-inc/GloriousFlywheel")
        .contains("pr-2  GO  js-bazel-package V2")
        .contains("verdict: GO");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void exit1WhenAPrIsNoGoOrBlocked() {
    CliRunner.Result result = cli.run("check", "--all", "--snapshot", EXAMPLE);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    assertThat(result.out())
        .contains("pr-3  NO_GO  scheduling-kit pilot")
        .contains(
            "stability gate PENDING: needs 1 more successful default-branch run on tinyland-nix")
        .contains("pr-4  BLOCKED")
        .contains("waits for pr-3 (NO_GO)")
        .contains(
            "verdict: NO_GO   pr-1 GO · pr-2 GO · pr-3 NO_GO · pr-4 BLOCKED · pr-5 BLOCKED · pr-6 BLOCKED");
  }

  @Test
  void exit2ForAnUnknownPrWithTheDefinedOnesNamed() {
    CliRunner.Result result = cli.run("check", "pr-9", "--snapshot", EXAMPLE);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err())
        .contains("unknown PR 'pr-9'")
        .contains("pr-1, pr-2, pr-3, pr-4, pr-5, pr-6");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void exit2ForInvalidGateDefinitionsWithEveryProblemListed() {
    CliRunner.Result result =
        cli.run(
            "check",
            "pr-a",
            "--gates",
            "src/test/resources/gates-invalid/many-problems",
            "--snapshot",
            EXAMPLE);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err())
        .contains("many-problems/pr-a.yaml:5:1: 'repo' must be owner/name")
        .contains("many-problems/pr-a.yaml:19:65: 'count' must be a whole number above 0")
        .contains("3 problem(s)")
        .doesNotContain("Exception");
  }

  @Test
  void exit2ForUsageMistakesWithoutAStackTrace() {
    assertThat(cli.run("check", "--snapshot", EXAMPLE).err()).contains("name the PRs to check");
    assertThat(cli.run("check", "pr-1", "--snapshot", "no/such/file.json").err())
        .contains("snapshot file no/such/file.json does not exist");
    CliRunner.Result badInstant =
        cli.run("check", "pr-1", "--snapshot", EXAMPLE, "--at", "yesterday");
    assertThat(badInstant.exitCode()).isEqualTo(2);
    assertThat(badInstant.err())
        .contains("'yesterday' is not an ISO-8601 instant")
        .contains("check --help");
    CliRunner.Result badFormat =
        cli.run("check", "pr-1", "--snapshot", EXAMPLE, "--format", "yaml");
    assertThat(badFormat.exitCode()).isEqualTo(2);
    assertThat(badFormat.err()).contains("text, json");
  }

  @Test
  void exit2ForASnapshotThatIsNotOne() throws Exception {
    Path notJson = temp.resolve("broken.json");
    Files.writeString(notJson, "{\"schema\": \"flywheel-gates/snapshot@1\", \"captured_at\": ");
    Path otherSchema = temp.resolve("other.json");
    Files.writeString(
        otherSchema,
        "{\"schema\": \"something-else@3\", \"captured_at\": \"2026-04-17T00:00:00Z\"}");

    CliRunner.Result broken = cli.run("check", "pr-1", "--snapshot", notJson.toString());
    CliRunner.Result other = cli.run("check", "pr-1", "--snapshot", otherSchema.toString());

    assertThat(broken.exitCode()).isEqualTo(2);
    assertThat(broken.err()).contains("broken.json:1:").contains("not a valid snapshot");
    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.err())
        .contains("expected schema 'flywheel-gates/snapshot@1', found 'something-else@3'");
  }

  @Test
  void exit3WhenAStopConditionFiresWithResponseAndRollbackPrinted() throws Exception {
    Path stopped = snapshotWithHeavyLaneRegistrationFailures(3);

    CliRunner.Result result = cli.run("check", "--all", "--snapshot", stopped.toString());

    assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
    assertThat(result.out())
        .contains("pr-1  STOP")
        .contains("FIRED     lane-repeatedly-fails: tinyland-nix-heavy failed 3 times in a row")
        .contains("response: block PR 2 and route to runtime integrity work")
        .contains("rollback rules")
        .contains("- keep the proof workflow")
        .contains("- do not remove default-branch proof unless the platform is genuinely unstable")
        .contains("pr-2  BLOCKED")
        .contains("stopped by pr-1's stop condition 'lane-repeatedly-fails'");
  }

  @Test
  void theMorningExampleStopsPr1AndBlocksEverythingAfterIt() {
    CliRunner.Result result =
        cli.run("check", "--all", "--snapshot", "examples/rollout-2026-04-18-morning-stop.json");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
    assertThat(result.out())
        .contains(
            "verdict: STOP   pr-1 STOP · pr-2 BLOCKED · pr-3 BLOCKED · pr-4 BLOCKED · pr-5 BLOCKED · pr-6 BLOCKED");
  }

  @Test
  void exit3AlsoInJsonWithTheResponseAndRollbackRules() throws Exception {
    Path stopped = snapshotWithHeavyLaneRegistrationFailures(3);

    CliRunner.Result result =
        cli.run("check", "pr-1", "--snapshot", stopped.toString(), "--format", "json");
    JsonNode pr1 = JSON.readTree(result.out()).get("prs").get(0);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
    assertThat(pr1.get("verdict").asText()).isEqualTo("STOP");
    assertThat(pr1.get("stop_conditions").get(0).get("triggered").asBoolean()).isTrue();
    assertThat(pr1.get("stop_conditions").get(0).get("response").get(0).asText())
        .isEqualTo("block PR 2 and route to runtime integrity work");
    assertThat(pr1.get("rollback").get(0).asText()).isEqualTo("keep the proof workflow");
    assertValidVerdict(result.out());
  }

  @Test
  void exit4WhenEvidenceCouldNotBeObtained() throws Exception {
    Snapshot example = Example.snapshot();
    Snapshot partial =
        new Snapshot(
            Snapshot.SCHEMA,
            example.capturedAt(),
            example.apiUrl(),
            example.repositories().stream()
                .filter(r -> !r.fullName().equals("tinyland-inc/GloriousFlywheel"))
                .toList());
    Path file = temp.resolve("partial.json");
    new SnapshotCodec().write(partial, file);

    CliRunner.Result result = cli.run("check", "pr-1", "--snapshot", file.toString());

    assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
    assertThat(result.out())
        .contains("pr-1  INCONCLUSIVE")
        .contains("no evidence about tinyland-inc/GloriousFlywheel was gathered");
  }

  @Test
  void jsonOutputValidatesAgainstTheShippedSchema() throws Exception {
    CliRunner.Result one = cli.run("check", "pr-1", "--snapshot", EXAMPLE, "--format", "json");
    CliRunner.Result all = cli.run("check", "--all", "--snapshot", EXAMPLE, "--format", "json");

    assertValidVerdict(one.out());
    assertValidVerdict(all.out());
    JsonNode root = JSON.readTree(one.out());
    assertThat(root.get("schema").asText()).isEqualTo("flywheel-gates/verdict@1");
    assertThat(root.get("source").get("kind").asText()).isEqualTo("snapshot");
    assertThat(root.get("prs").get(0).get("evidence_artifacts").get("merged_pr").asText())
        .isEqualTo("https://github.com/tinyland-inc/GloriousFlywheel/pull/220");
    assertThat(JSON.readTree(all.out()).get("prs")).hasSize(6);
    // the newest proof run failed on the heavy lane, so the cited successful run is the one before
    // it
    assertThat(root.get("prs").get(0).get("evidence_artifacts").get("successful_run").asText())
        .isEqualTo("https://github.com/tinyland-inc/GloriousFlywheel/actions/runs/24600000822");
  }

  @Test
  void aSchemaViolationIsCaught() throws Exception {
    String out = cli.run("check", "pr-1", "--snapshot", EXAMPLE, "--format", "json").out();
    String broken = out.replace("\"verdict\" : \"GO\"", "\"verdict\" : \"MAYBE\"");

    assertThat(broken).isNotEqualTo(out);
    assertThat(validate(broken)).isNotEmpty();
  }

  @Test
  void atMovesTheEvaluationInstant() {
    CliRunner.Result earlier =
        cli.run(
            "check",
            "pr-1",
            "--snapshot",
            EXAMPLE,
            "--at",
            "2026-04-16T13:00:00Z",
            "--format",
            "json");

    assertThat(earlier.exitCode()).isEqualTo(1);
    assertThat(earlier.out()).contains("\"evaluated_at\" : \"2026-04-16T13:00:00Z\"");
  }

  @Test
  void verboseSaysWhatWasReadOnStderrAndKeepsStdoutClean() throws Exception {
    CliRunner.Result result =
        cli.run("check", "pr-1", "--snapshot", EXAMPLE, "--format", "json", "-v");

    assertThat(result.err())
        .contains("gates: gates (6 PRs)")
        .contains(
            "facts: snapshot "
                + EXAMPLE
                + ": 5 repositories, 27 runs, captured 2026-04-17T21:30:00Z")
        .contains("evaluated 1 PR(s) at 2026-04-17T21:30:00Z in");
    assertValidVerdict(result.out());
  }

  @Test
  void colourOnlyAtATerminalAndNeverAgainstNoColorOrTheOption() {
    assertThat(cli.run("check", "pr-1", "--snapshot", EXAMPLE).out()).doesNotContain("\u001b[");
    assertThat(new CliRunner().interactive().run("check", "pr-1", "--snapshot", EXAMPLE).out())
        .contains("\u001b[32mGO");
    assertThat(
            new CliRunner()
                .interactive()
                .env("NO_COLOR", "1")
                .run("check", "pr-1", "--snapshot", EXAMPLE)
                .out())
        .doesNotContain("\u001b[");
    assertThat(
            new CliRunner()
                .interactive()
                .run("check", "pr-1", "--snapshot", EXAMPLE, "--no-color")
                .out())
        .doesNotContain("\u001b[");
    assertThat(
            new CliRunner()
                .interactive()
                .run("check", "pr-1", "--snapshot", EXAMPLE, "--format", "json")
                .out())
        .doesNotContain("\u001b[");
  }

  @Test
  void anUnreachableGitHubIsInconclusiveNotACrash() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    CliRunner.Result result =
        cli.env("GITHUB_API_URL", "http://127.0.0.1:" + closedPort)
            .run("check", "pr-1", "--request-timeout", "2");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
    assertThat(result.out()).contains("pr-1  INCONCLUSIVE");
    assertThat(result.err())
        .contains("could not obtain tinyland-inc/GloriousFlywheel")
        .doesNotContain("Exception");
  }

  private void assertValidVerdict(String json) throws Exception {
    assertThat(validate(json)).isEmpty();
  }

  private static Set<ValidationMessage> validate(String json) throws Exception {
    try (InputStream schema =
        CheckCommandTest.class.getResourceAsStream("/schema/verdict-v1.schema.json")) {
      assertThat(schema).as("the schema ships in the jar").isNotNull();
      JsonSchema validator =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
      return validator.validate(JSON.readTree(json));
    }
  }

  /**
   * The example, plus {@code n} newer platform-proof runs whose heavy-lane job never got a runner.
   */
  private Path snapshotWithHeavyLaneRegistrationFailures(int n) throws Exception {
    Snapshot example = Example.snapshot();
    List<RepoFacts> repos = new ArrayList<>();
    for (RepoFacts repo : example.repositories()) {
      if (!repo.fullName().equals("tinyland-inc/GloriousFlywheel")) {
        repos.add(repo);
        continue;
      }
      WorkflowFacts proof = repo.workflows().get(0);
      List<RunFact> runs = new ArrayList<>(proof.runs());
      for (int i = 0; i < n; i++) {
        Instant created = Instant.parse("2026-04-17T20:10:00Z").plusSeconds(60L * i);
        JobFact job =
            new JobFact(
                9_000 + i,
                "proof-nix-heavy",
                "completed",
                "cancelled",
                List.of("tinyland-nix-heavy"),
                null,
                null,
                created,
                created.plusSeconds(2700),
                "https://github.com/job/" + i,
                List.of(),
                null);
        runs.add(
            new RunFact(
                8_000 + i,
                "Platform proof",
                "main",
                "sha" + i,
                "schedule",
                "completed",
                "failure",
                1,
                created,
                "https://github.com/tinyland-inc/GloriousFlywheel/actions/runs/" + (8_000 + i),
                List.of(job)));
      }
      WorkflowFacts failing =
          new WorkflowFacts(proof.path(), true, proof.id(), proof.name(), proof.htmlUrl(), runs);
      repos.add(
          new RepoFacts(
              repo.fullName(),
              true,
              repo.defaultBranch(),
              repo.htmlUrl(),
              repo.pullRequests(),
              repo.touchedPathsSearched(),
              repo.files(),
              List.of(failing),
              null));
    }
    Path file = temp.resolve("stopped.json");
    new SnapshotCodec()
        .write(new Snapshot(Snapshot.SCHEMA, example.capturedAt(), example.apiUrl(), repos), file);
    return file;
  }
}
