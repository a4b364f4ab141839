package io.flywheelgates.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.flywheelgates.verdict.CheckResult;
import io.flywheelgates.verdict.Evidence;
import io.flywheelgates.verdict.EvidenceArtifacts;
import io.flywheelgates.verdict.GateResult;
import io.flywheelgates.verdict.PrResult;
import io.flywheelgates.verdict.RolloutVerdict;
import io.flywheelgates.verdict.Source;
import io.flywheelgates.verdict.Status;
import io.flywheelgates.verdict.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderersTest {

  @Test
  void workflowCommandEscapingFollowsTheRules() {
    assertThat(GitHubAnnotationRenderer.data("100% done\r\nnext: a, b"))
        .isEqualTo("100%25 done%0D%0Anext: a, b");
    assertThat(GitHubAnnotationRenderer.property("pr-1: a, b%\n"))
        .isEqualTo("pr-1%3A a%2C b%25%0A");
    assertThat(GitHubAnnotationRenderer.command("error", "t: x, y", "line1\nline2 50%"))
        .isEqualTo("::error title=t%3A x%2C y::line1%0Aline2 50%25");
  }

  @Test
  void markdownCellsCannotBreakTheTable() {
    assertThat(MarkdownRenderer.cell("a | b\nc <script>")).isEqualTo("a \\| b c &lt;script&gt;");
  }

  @Test
  void aHugeVerdictStaysUnderTheStepSummaryLimit() {
    String longText = "x".repeat(2_000);
    List<PrResult> prs = new ArrayList<>();
    for (int pr = 0; pr < 60; pr++) {
      List<CheckResult> checks = new ArrayList<>();
      for (int check = 0; check < 20; check++) {
        checks.add(
            new CheckResult(
                "check-" + check,
                "d",
                Status.FAIL,
                longText,
                longText,
                false,
                List.of(
                    Evidence.of("run", "https://github.com/o/r/actions/runs/" + check).build())));
      }
      prs.add(
          new PrResult(
              "pr-" + pr,
              "title",
              "o/r",
              Verdict.NO_GO,
              "reason",
              List.of(),
              false,
              List.of(new GateResult("code", Status.FAIL, checks)),
              List.of(),
              List.of(),
              List.of(),
              new EvidenceArtifacts(null, null, null)));
    }
    RolloutVerdict verdict =
        new RolloutVerdict(
            Instant.parse("2026-04-17T00:00:00Z"),
            new Source(
                "snapshot",
                "s.json",
                "https://api.github.com",
                Instant.parse("2026-04-17T00:00:00Z")),
            Verdict.NO_GO,
            prs);

    String markdown = new MarkdownRenderer().markdown(verdict);

    assertThat(markdown.getBytes(StandardCharsets.UTF_8).length)
        .isLessThan(MarkdownRenderer.LIMIT_BYTES);
    assertThat(markdown)
        .contains("left out to keep this summary under GitHub's 1 MiB limit")
        .contains("| pr-59 title |");
  }
}
