package io.flywheelgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flywheelgates.support.Example;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The machine formats, end to end: golden files for Markdown and JUnit, the step summary in GitHub
 * Actions.
 */
class ReportFormatsTest {
  private static final String MORNING = "examples/rollout-2026-04-18-morning-stop.json";
  private final CliRunner cli = new CliRunner();

  @TempDir Path temp;

  @Test
  void markdownMatchesTheGoldenFile() throws Exception {
    CliRunner.Result result =
        cli.run(
            "check", "--all", "--snapshot", Example.SNAPSHOT.toString(), "--format", "markdown");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .isEqualTo(Files.readString(Path.of("src/test/resources/golden/example-evening.md")));
  }

  @Test
  void junitMatchesTheGoldenFileAndIsWellFormedWithConsistentCounts() throws Exception {
    CliRunner.Result result = cli.run("check", "--all", "--snapshot", MORNING, "--format", "junit");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.out())
        .isEqualTo(
            Files.readString(Path.of("src/test/resources/golden/example-morning.junit.xml")));
    Document xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(result.out().getBytes(StandardCharsets.UTF_8)));
    Element suites = xml.getDocumentElement();
    assertThat(suites.getTagName()).isEqualTo("testsuites");
    NodeList cases = xml.getElementsByTagName("testcase");
    assertThat(Integer.parseInt(suites.getAttribute("tests"))).isEqualTo(cases.getLength());
    assertThat(Integer.parseInt(suites.getAttribute("failures")))
        .isEqualTo(xml.getElementsByTagName("failure").getLength());
    assertThat(Integer.parseInt(suites.getAttribute("skipped")))
        .isEqualTo(xml.getElementsByTagName("skipped").getLength());
    assertThat(result.out())
        .contains("classname=\"pr-1.stop\" name=\"lane-repeatedly-fails\"")
        .contains("Response: block PR 2 and route to runtime integrity work");
  }

  @Test
  void githubAnnotationsCarryTheStopResponseAndRollback() {
    CliRunner.Result result = cli.run("check", "pr-1", "--snapshot", MORNING, "--format", "github");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.out().lines().toList())
        .anyMatch(
            line ->
                line.startsWith("::error title=pr-1 STOP lane-repeatedly-fails::")
                    && line.contains(
                        "%0AResponse: block PR 2 and route to runtime integrity work%0ARollback: keep the proof workflow"));
  }

  @Test
  void inGitHubActionsTheVerdictIsAppendedToTheStepSummary() throws Exception {
    Path summary = temp.resolve("summary.md");
    Files.writeString(summary, "earlier step's summary\n");

    CliRunner.Result result =
        new CliRunner()
            .env("GITHUB_ACTIONS", "true")
            .env("GITHUB_STEP_SUMMARY", summary.toString())
            .run("check", "pr-1", "--snapshot", MORNING);

    assertThat(result.exitCode()).isEqualTo(3);
    String written = Files.readString(summary);
    assertThat(written)
        .startsWith("earlier step's summary\n")
        .contains("## flywheel-gates: 🛑 STOP")
        .contains("**Rollback rules:**");
    assertThat(result.out()).doesNotContain("## flywheel-gates");
  }

  @Test
  void outsideGitHubActionsNoSummaryIsWritten() throws Exception {
    Path summary = temp.resolve("summary.md");

    new CliRunner()
        .env("GITHUB_STEP_SUMMARY", summary.toString())
        .run("check", "pr-1", "--snapshot", MORNING);

    assertThat(summary).doesNotExist();
  }

  @Test
  void sinceVerdictShowsOnlyWhatFlippedAndWhatEvidenceIsNew() throws Exception {
    Path saved = temp.resolve("evening.json");
    Files.writeString(
        saved,
        cli.run("check", "--all", "--snapshot", Example.SNAPSHOT.toString(), "--format", "json")
            .out());

    CliRunner.Result text =
        cli.run("check", "--all", "--snapshot", MORNING, "--since-verdict", saved.toString());
    CliRunner.Result json =
        cli.run(
            "check",
            "--all",
            "--snapshot",
            MORNING,
            "--since-verdict",
            saved.toString(),
            "--format",
            "json");
    CliRunner.Result same =
        cli.run(
            "check",
            "--all",
            "--snapshot",
            Example.SNAPSHOT.toString(),
            "--since-verdict",
            saved.toString());

    assertThat(text.exitCode()).isEqualTo(3);
    assertThat(text.out())
        .contains("verdict pr-1: GO -> STOP")
        .contains("stop    pr-1.lane-repeatedly-fails: CLEAR -> TRIGGERED")
        .contains("check   pr-3.stability.two-routine-runs: PENDING -> PASS")
        .contains(
            "new     pr-1.stability.three-default-branch-successes: https://github.com/tinyland-inc/GloriousFlywheel/actions/runs/24600003973")
        .doesNotContain("pr-1.code.proof-workflow-merged");
    var diff = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
    assertThat(diff.get("schema").asText()).isEqualTo("flywheel-gates/verdict-diff@1");
    assertThat(diff.get("changes").get(0).get("id").asText()).isEqualTo("pr-1");
    assertThat(diff.get("changes").get(0).get("to").asText()).isEqualTo("STOP");
    assertThat(same.out()).contains("no changes");
    assertThat(same.exitCode()).isEqualTo(1);
  }

  @Test
  void sinceVerdictRefusesAFileThatIsNotASavedVerdict() throws Exception {
    Path notAVerdict = temp.resolve("other.json");
    Files.writeString(notAVerdict, "{\"schema\": \"flywheel-gates/snapshot@1\"}");

    CliRunner.Result result =
        cli.run("check", "--all", "--snapshot", MORNING, "--since-verdict", notAVerdict.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("not a saved verdict (expected schema flywheel-gates/verdict@1)");
  }

  @Test
  void triageRefusesFormatsItDoesNotPrint() {
    CliRunner.Result result = cli.run("triage", "--snapshot", MORNING, "--format", "junit");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("triage prints --format text or json");
  }
}
