package io.flywheelgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report as a file: self-contained, accessible, one card per PR. */
class ReportCommandTest {
  private static final String MORNING = "examples/rollout-2026-04-18-morning-stop.json";

  @TempDir Path temp;

  private String report() throws Exception {
    Path page = temp.resolve("rollout.html");
    CliRunner.Result result =
        new CliRunner().run("report", "-o", page.toString(), "--snapshot", MORNING);
    assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
    assertThat(result.err()).contains("wrote " + page + " (STOP)");
    return Files.readString(page);
  }

  @Test
  void aCardPerPrWithItsVerdictGatesStopsAndRollbackRules() throws Exception {
    String html = report();

    assertThat(
            Pattern.compile("<article id=\"pr-\\d\" class=\"pr\"").matcher(html).results().count())
        .isEqualTo(6);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<h1>Rollout gates: <span class=\"badge STOP\">STOP</span></h1>")
        .contains(
            "<h2 id=\"pr-1-title\">pr-1: Source default-branch proof <span class=\"badge STOP\">STOP</span></h2>")
        .contains("<h3>Rollback rules</h3>")
        .contains("<li>keep the proof workflow</li>")
        .contains("Response: block PR 2 and route to runtime integrity work");
  }

  @Test
  void theScorecardFollowsTheCardsWithItsEvidence() throws Exception {
    String html = report();

    assertThat(html.indexOf("<section id=\"scorecard\""))
        .isGreaterThan(html.lastIndexOf("<article"));
    assertThat(html)
        .contains("<th scope=\"row\">Tier 4</th><td>repo-owned dedicated dogfood lane</td>")
        .contains("tinyland-inc/GloriousFlywheel, Jesssullivan/scheduling-kit</td><td>2</td>")
        .contains("<th scope=\"row\">Jesssullivan/acuity-middleware</th><td>Tier 2</td>")
        .contains("deploy-modal.yml job deploy runs hosted with no declared exception");
  }

  @Test
  void nothingIsLoadedFromElsewhere() throws Exception {
    String html = report();

    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("<link")
        .doesNotContain("@import")
        .doesNotContain("url(");
    assertThat(Pattern.compile("\\ssrc=").matcher(html).find()).isFalse();
  }

  @Test
  void chartsHaveTextAlternativesAndStatusIsNeverColourAlone() throws Exception {
    String html = report();

    Matcher chart =
        Pattern.compile("<svg role=\"img\"[^>]*aria-label=\"([^\"]+)\"><title>").matcher(html);
    assertThat(chart.find()).isTrue();
    assertThat(html)
        .contains(
            "aria-label=\"tinyland-nix-heavy: 8 newest runs, oldest first: 4 succeeded, 4 failed; streak of 4 failures\"");
    for (String status :
        new String[] {"STOP", "BLOCKED", "PASS", "PENDING", "WAITING", "TRIGGERED", "CLEAR"}) {
      assertThat(html).contains(">" + status + "</span>");
      assertThat(html).contains("." + status);
    }
    assertThat(html)
        .contains("<meta name=\"viewport\"")
        .contains("@media print")
        .contains("<th scope=\"col\">");
  }

  @Test
  void textFromTheEvidenceIsEscaped() throws Exception {
    assertThat(io.flywheelgates.report.HtmlRendererAccess.escape("<script>\"x\" & 'y'"))
        .isEqualTo("&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;");
  }
}
