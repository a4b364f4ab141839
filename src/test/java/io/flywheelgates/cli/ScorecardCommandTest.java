package io.flywheelgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.flywheelgates.support.Example;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scorecard} and {@code scorecard --check} as a user calls them, on the example snapshot.
 */
class ScorecardCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EVENING = Example.SNAPSHOT.toString();
  private static final String SCORECARD_PATH = "docs/reports/runner-adoption-scorecard.md";

  private final CliRunner cli = new CliRunner();
  @TempDir Path temp;

  private static String published() throws Exception {
    for (JsonNode repo : JSON.readTree(Example.SNAPSHOT.toFile()).get("repositories")) {
      for (JsonNode file : repo.get("files")) {
        if (file.get("path").asText().equals(SCORECARD_PATH)) {
          return file.get("content").asText();
        }
      }
    }
    throw new AssertionError("the example holds a published scorecard");
  }

  /** The example snapshot with GloriousFlywheel's published scorecard replaced. */
  private Path snapshotPublishing(String scorecard) throws Exception {
    JsonNode root = JSON.readTree(Example.SNAPSHOT.toFile());
    for (JsonNode repo : root.get("repositories")) {
      for (JsonNode file : repo.get("files")) {
        if (file.get("path").asText().equals(SCORECARD_PATH)) {
          ((ObjectNode) file).put("content", scorecard);
        }
      }
    }
    Path snapshot = temp.resolve("snapshot.json");
    JSON.writeValue(snapshot.toFile(), root);
    return snapshot;
  }

  /** The drift case: tinyvectors (a hosted template consumer by its files) claimed as Tier 4. */
  private static String claimingTinyvectorsAsTier4() throws Exception {
    return published()
        .replace(
            "| Tier 2 | Hosted template consumer | Jesssullivan/acuity-middleware, tinyland-inc/tinyvectors | 2 |",
            "| Tier 2 | Hosted template consumer | Jesssullivan/acuity-middleware | 1 |")
        .replace(
            "Jesssullivan/scheduling-kit | 2 |",
            "Jesssullivan/scheduling-kit, tinyland-inc/tinyvectors | 3 |")
        .replace("2 of 5 active repos (40%)", "3 of 5 active repos (60%)");
  }

  @Test
  void markdownMatchesTheGoldenFileAndChecksCleanAgainstItself() throws Exception {
    CliRunner.Result result = cli.run("scorecard", "--snapshot", EVENING, "--format", "markdown");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    assertThat(result.out())
        .isEqualTo(Files.readString(Path.of("src/test/resources/golden/scorecard-evening.md")));

    Path committed = temp.resolve("scorecard.md");
    Files.writeString(committed, result.out());
    CliRunner.Result check =
        cli.run("scorecard", "--snapshot", EVENING, "--check", committed.toString());
    assertThat(check.exitCode()).as(check.out()).isEqualTo(0);
    assertThat(check.out()).endsWith(committed + " matches the evidence.\n");
  }

  @Test
  void textShowsTheTableTheCountAndWhyEachRepoIsWhereItIs() {
    CliRunner.Result result = cli.run("scorecard", "--snapshot", EVENING);

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.out())
        .contains("Tier 4  repo-owned dedicated dogfood lane")
        .contains("tinyland-inc/GloriousFlywheel, Jesssullivan/scheduling-kit")
        .contains("Runner dogfood: 2 of 5 (40%): Tier 3 + Tier 4 over the active set")
        .contains("Jesssullivan/acuity-middleware: Tier 2 (hosted template consumer)")
        .contains("deploy-modal.yml job deploy runs hosted with no declared exception")
        .contains("evidence: .github/workflows/ci.yml (blob b069ca8)");
  }

  @Test
  void aPublishedScorecardClaimingAHostedRepoAsTier4DivergesAndStopsPr6() throws Exception {
    Path committed = temp.resolve("claimed.md");
    Files.writeString(committed, claimingTinyvectorsAsTier4());

    CliRunner.Result check =
        cli.run("scorecard", "--snapshot", EVENING, "--check", committed.toString());

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out())
        .contains(committed + " diverges from the evidence (5):")
        .contains(
            "tier: tinyland-inc/tinyvectors is published in Tier 4, evidence puts it in Tier 2 (hosted template consumer)")
        .contains("count: Tier 2 counts 1, evidence gives 2")
        .contains("count: Tier 4 counts 3, evidence gives 2")
        .contains(
            "dogfood: runner dogfood is published as 3 of 5 (60%), evidence gives 2 of 5 (40%)");

    CliRunner.Result pr6 =
        cli.run(
            "check",
            "pr-6",
            "--snapshot",
            snapshotPublishing(claimingTinyvectorsAsTier4()).toString());
    assertThat(pr6.exitCode()).as(pr6.out()).isEqualTo(3);
    assertThat(pr6.out())
        .contains("code-and-docs-diverge")
        .contains("tinyland-inc/tinyvectors is published in Tier 4, evidence puts it in Tier 2")
        .contains("freeze reporting changes until counts are retruthed");
  }

  @Test
  void jsonCarriesTheRowsTheCountAndEachRepositorysSignalsAndEvidence() throws Exception {
    CliRunner.Result result = cli.run("scorecard", "--snapshot", EVENING, "--format", "json");

    assertThat(result.exitCode()).isEqualTo(0);
    JsonNode root = JSON.readTree(result.out());
    assertThat(root.get("schema").asText()).isEqualTo("flywheel-gates/scorecard@1");
    assertThat(root.get("runner_dogfood").get("counted").asInt()).isEqualTo(2);
    assertThat(root.get("runner_dogfood").get("active_set").asInt()).isEqualTo(5);
    assertThat(root.get("rows")).hasSize(6);
    JsonNode kit = root.get("repos").get(2);
    assertThat(kit.get("repo").asText()).isEqualTo("Jesssullivan/scheduling-kit");
    assertThat(kit.get("tier").asText()).isEqualTo("4");
    assertThat(kit.get("signals").get("intent").asText()).isEqualTo("repo_owned");
    assertThat(kit.get("promotion")).hasSize(4);
    assertThat(kit.get("evidence").get(0).get("sha").asText()).startsWith("b069ca8");
    assertThat(root.get("comparison").isNull()).isTrue();
  }

  @Test
  void everyJsonShapeFollowsTheShippedSchema() throws Exception {
    Path committed = temp.resolve("claimed.md");
    Files.writeString(committed, claimingTinyvectorsAsTier4());
    JsonNode root = JSON.readTree(Example.SNAPSHOT.toFile());
    ((ObjectNode) root.get("repositories").get(4)).remove("workflow_files");
    Path partial = temp.resolve("partial.json");
    JSON.writeValue(partial.toFile(), root);

    List<CliRunner.Result> results =
        List.of(
            cli.run("scorecard", "--snapshot", EVENING, "--format", "json"),
            cli.run(
                "scorecard",
                "--snapshot",
                EVENING,
                "--format",
                "json",
                "--check",
                committed.toString()),
            cli.run(
                "scorecard",
                "--snapshot",
                partial.toString(),
                "--format",
                "json",
                "--check",
                committed.toString()));

    assertThat(results).extracting(CliRunner.Result::exitCode).containsExactly(0, 1, 1);
    try (InputStream schema = getClass().getResourceAsStream("/schema/scorecard-v1.schema.json")) {
      assertThat(schema).as("the schema ships in the jar").isNotNull();
      JsonSchema validator =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
      for (CliRunner.Result result : results) {
        assertThat(validator.validate(JSON.readTree(result.out()))).as(result.out()).isEmpty();
      }
      // The schema can refuse: a count below zero is not a scorecard.
      ObjectNode broken = (ObjectNode) JSON.readTree(results.get(0).out());
      ((ObjectNode) broken.get("runner_dogfood")).put("counted", -1);
      assertThat(validator.validate(broken)).isNotEmpty();
    }
  }

  @Test
  void evidenceThatWasNeverGatheredLeavesReposUnclassifiedAndExits4() throws Exception {
    JsonNode root = JSON.readTree(Example.SNAPSHOT.toFile());
    for (JsonNode repo : root.get("repositories")) {
      if (repo.get("full_name").asText().equals("tinyland-inc/tinyvectors")) {
        ((ObjectNode) repo).remove("workflow_files");
      }
    }
    Path snapshot = temp.resolve("older.json");
    JSON.writeValue(snapshot.toFile(), root);

    CliRunner.Result result = cli.run("scorecard", "--snapshot", snapshot.toString());

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.out())
        .contains("Runner dogfood: at least 2 of 5 (40%)")
        .contains("1 unclassified (their evidence could not be read)")
        .contains("tinyland-inc/tinyvectors: unclassified\n  its workflow files were not listed");
  }

  @Test
  void badInputIsAUsageErrorWithAClearMessage() throws Exception {
    Path prose = temp.resolve("prose.md");
    Files.writeString(prose, "# Adoption\n\nMost repos are on the new runners.\n");

    CliRunner.Result missing = cli.run("scorecard", "--snapshot", EVENING, "--check", "nope.md");
    CliRunner.Result noTable =
        cli.run("scorecard", "--snapshot", EVENING, "--check", prose.toString());
    CliRunner.Result junit = cli.run("scorecard", "--snapshot", EVENING, "--format", "junit");

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--check: nope.md does not exist");
    assertThat(noTable.exitCode()).isEqualTo(2);
    assertThat(noTable.err())
        .contains(
            "has no scorecard table (a Markdown table with the columns Tier | Meaning | Repos | Count)");
    CliRunner.Result noScorecard =
        cli.run("scorecard", "--gates", "src/test/resources/gates-minimal", "--snapshot", EVENING);
    assertThat(noScorecard.exitCode()).isEqualTo(2);
    assertThat(noScorecard.err()).contains("has no 'scorecard' section (see docs/gate-format.md)");
    assertThat(junit.exitCode()).isEqualTo(2);
    assertThat(junit.err()).contains("scorecard prints --format text, json or markdown");
    assertThat(missing.err() + noTable.err() + junit.err()).doesNotContain("Exception");
  }
}
