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
  void triageRefusesFormatsItDoesNotPrint() {
    CliRunner.Result result = cli.run("triage", "--snapshot", MORNING, "--format", "junit");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("triage prints --format text or json");
  }
}
