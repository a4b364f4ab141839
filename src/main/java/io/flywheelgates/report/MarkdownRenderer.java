package io.flywheelgates.report;

import io.flywheelgates.verdict.CheckResult;
import io.flywheelgates.verdict.Evidence;
import io.flywheelgates.verdict.GateResult;
import io.flywheelgates.verdict.PrResult;
import io.flywheelgates.verdict.RolloutVerdict;
import io.flywheelgates.verdict.Status;
import io.flywheelgates.verdict.StopResult;
import io.flywheelgates.verdict.Verdict;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The verdict as GitHub-flavoured Markdown: a summary table, then a section per PR with a row per
 * check (status, what it needs, evidence links). Fit for a PR comment or the job's step summary,
 * and kept under the summary's 1 MiB limit.
 */
public final class MarkdownRenderer implements Renderer {
  /** GitHub refuses a step summary over 1 MiB; stay clear of it. */
  static final int LIMIT_BYTES = 1_000_000;

  private static final int EVIDENCE_LINKS = 3;

  @Override
  public void render(RolloutVerdict verdict, PrintWriter out) {
    out.print(markdown(verdict));
    out.flush();
  }

  public String markdown(RolloutVerdict verdict) {
    StringBuilder md = new StringBuilder();
    md.append("## flywheel-gates: ").append(badge(verdict.verdict())).append("\n\n");
    md.append("Evaluated at ")
        .append(verdict.evaluatedAt())
        .append(" from ")
        .append(from(verdict))
        .append(".\n\n");
    md.append("| PR | Verdict | Why |\n|---|---|---|\n");
    for (PrResult pr : verdict.prs()) {
      md.append("| ")
          .append(cell(pr.id() + " " + pr.title()))
          .append(" | ")
          .append(badge(pr.verdict()))
          .append(pr.citable() ? " (citable)" : "")
          .append(" | ")
          .append(cell(pr.reason()))
          .append(" |\n");
    }
    for (PrResult pr : verdict.prs()) {
      StringBuilder section = section(pr);
      if (bytes(md) + bytes(section) > LIMIT_BYTES - 200) {
        md.append(
            "\n_The remaining PRs are left out to keep this summary under GitHub's 1 MiB limit; see `--format json`._\n");
        break;
      }
      md.append(section);
    }
    return md.toString();
  }

  private static StringBuilder section(PrResult pr) {
    StringBuilder md = new StringBuilder();
    md.append("\n### ")
        .append(pr.id())
        .append(": ")
        .append(text(pr.title()))
        .append(" (")
        .append(pr.repo())
        .append(") ")
        .append(badge(pr.verdict()))
        .append("\n\n")
        .append(text(pr.reason()))
        .append("\n\n");
    md.append("| Gate | Check | Status | Found | Needs | Evidence |\n|---|---|---|---|---|---|\n");
    for (GateResult gate : pr.gates()) {
      for (CheckResult check : gate.checks()) {
        md.append("| ")
            .append(gate.type())
            .append(" | ")
            .append(cell(check.id()))
            .append(check.attested() ? " (attested)" : "")
            .append(" | ")
            .append(badge(check.status()))
            .append(" | ")
            .append(cell(check.summary()))
            .append(" | ")
            .append(cell(check.needs() == null ? "" : check.needs()))
            .append(" | ")
            .append(links(check.evidence()))
            .append(" |\n");
      }
    }
    if (!pr.stopConditions().isEmpty()) {
      md.append("\n| Stop condition | State | Found |\n|---|---|---|\n");
      for (StopResult stop : pr.stopConditions()) {
        md.append("| ")
            .append(cell(stop.id() + ": " + stop.describe()))
            .append(" | ")
            .append(
                stop.triggered()
                    ? "🛑 FIRED"
                    : stop.state() == StopResult.State.UNDECIDED ? "❔ UNDECIDED" : "clear")
            .append(" | ")
            .append(cell(stop.summary()))
            .append(" |\n");
      }
    }
    if (pr.verdict() == Verdict.STOP) {
      md.append("\n**Response:**\n\n");
      pr.stopConditions().stream()
          .filter(StopResult::triggered)
          .forEach(
              stop ->
                  stop.response().forEach(step -> md.append("- ").append(text(step)).append('\n')));
      md.append("\n**Rollback rules:**\n\n");
      pr.rollback().forEach(rule -> md.append("- ").append(text(rule)).append('\n'));
    }
    return md;
  }

  private static String links(List<Evidence> evidence) {
    List<String> urls =
        evidence.stream().map(Evidence::url).filter(java.util.Objects::nonNull).distinct().toList();
    StringBuilder links = new StringBuilder();
    for (int i = 0; i < Math.min(EVIDENCE_LINKS, urls.size()); i++) {
      links
          .append(i == 0 ? "" : " ")
          .append("[")
          .append(i + 1)
          .append("](")
          .append(urls.get(i).replace(")", "%29"))
          .append(")");
    }
    if (urls.size() > EVIDENCE_LINKS) {
      links.append(" +").append(urls.size() - EVIDENCE_LINKS);
    }
    return links.toString();
  }

  private static String badge(Verdict verdict) {
    return switch (verdict) {
      case GO -> "✅ GO";
      case NO_GO -> "⏳ NO_GO";
      case BLOCKED -> "⛔ BLOCKED";
      case STOP -> "🛑 STOP";
      case INCONCLUSIVE -> "❔ INCONCLUSIVE";
    };
  }

  private static String badge(Status status) {
    return switch (status) {
      case PASS -> "✅ PASS";
      case WAITING -> "⏸ WAITING";
      case PENDING -> "⏳ PENDING";
      case FAIL -> "❌ FAIL";
      case ERROR -> "❔ ERROR";
    };
  }

  /** A table cell: no line breaks, pipes escaped, HTML-ish characters neutralised. */
  static String cell(String value) {
    return text(value).replace("|", "\\|");
  }

  private static String text(String value) {
    return value == null
        ? ""
        : value.replace("\r", " ").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String from(RolloutVerdict verdict) {
    return "snapshot".equals(verdict.source().kind())
        ? "snapshot `"
            + verdict.source().file()
            + "` (captured "
            + verdict.source().capturedAt()
            + ")"
        : "GitHub " + verdict.source().apiUrl();
  }

  private static int bytes(CharSequence text) {
    return text.toString().getBytes(StandardCharsets.UTF_8).length;
  }
}
