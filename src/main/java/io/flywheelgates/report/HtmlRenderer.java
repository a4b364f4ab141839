package io.flywheelgates.report;

import io.flywheelgates.verdict.CheckResult;
import io.flywheelgates.verdict.Evidence;
import io.flywheelgates.verdict.GateResult;
import io.flywheelgates.verdict.HistoryReport;
import io.flywheelgates.verdict.PrResult;
import io.flywheelgates.verdict.RepoClassification;
import io.flywheelgates.verdict.RolloutVerdict;
import io.flywheelgates.verdict.Scorecard;
import io.flywheelgates.verdict.StopResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The whole rollout as one self-contained HTML page: no scripts, fonts or styles from elsewhere. A
 * card per PR with its verdict and gates, what each check needs, evidence links, per-lane run
 * strips as small inline SVG charts (each with a text alternative), the stop conditions and
 * rollback rules. Status is always written in words; colour only repeats it. Readable printed and
 * on a phone.
 */
public final class HtmlRenderer {
  private static final String STYLE =
      """
      :root { --pass: #1a7f37; --wait: #9a6700; --fail: #cf222e; --ink: #1f2328; --muted: #59636e; --line: #d0d7de; }
      * { box-sizing: border-box; }
      body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0 auto;
             max-width: 72rem; padding: 1rem; }
      header p, .muted { color: var(--muted); }
      .summary { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; list-style: none; }
      .summary li { border: 1px solid var(--line); border-radius: .4rem; padding: .3rem .6rem; }
      article { border: 1px solid var(--line); border-radius: .6rem; padding: 0 1rem 1rem; margin: 1rem 0;
                break-inside: avoid; }
      .badge { font-weight: 600; padding: .05rem .4rem; border-radius: .3rem; border: 1px solid currentColor; }
      .GO, .PASS, .CLEAR { color: var(--pass); }
      .NO_GO, .BLOCKED, .PENDING, .WAITING { color: var(--wait); }
      .STOP, .INCONCLUSIVE, .FAIL, .ERROR, .TRIGGERED, .UNDECIDED { color: var(--fail); }
      table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
      th, td { text-align: left; vertical-align: top; padding: .3rem .4rem; border-top: 1px solid var(--line); }
      td.found { overflow-wrap: anywhere; }
      .strip { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; margin: .2rem 0; }
      .strip svg { flex: none; }
      @media (max-width: 40rem) { th.found, td.found, th.evidence, td.evidence { display: none; } }
      @media print { body { max-width: none; font-size: 11pt; } a { color: inherit; } .no-print { display: none; } }
      """;

  /** {@code histories} maps PR ids to their lanes over time; a PR without one gets no strips. */
  public void render(
      RolloutVerdict verdict, Map<String, HistoryReport> histories, PrintWriter out) {
    render(verdict, histories, null, out);
  }

  /** The page with the tier scorecard after the PR cards ({@code scorecard} null: none). */
  public void render(
      RolloutVerdict verdict,
      Map<String, HistoryReport> histories,
      Scorecard scorecard,
      PrintWriter out) {
    out.println("<!DOCTYPE html>");
    out.println("<html lang=\"en\">");
    out.println("<head>");
    out.println("<meta charset=\"utf-8\">");
    out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.println("<title>flywheel-gates: " + verdict.verdict() + "</title>");
    out.println("<style>" + STYLE + "</style>");
    out.println("</head>");
    out.println("<body>");
    out.println("<header>");
    out.println(
        "<h1>Rollout gates: <span class=\"badge "
            + verdict.verdict()
            + "\">"
            + verdict.verdict()
            + "</span></h1>");
    out.println(
        "<p>Evaluated at "
            + esc(verdict.evaluatedAt().toString())
            + " from "
            + esc(from(verdict))
            + ".</p>");
    out.println("<ul class=\"summary\" aria-label=\"Verdict per PR\">");
    for (PrResult pr : verdict.prs()) {
      out.println(
          "<li><a href=\"#"
              + pr.id()
              + "\">"
              + esc(pr.id())
              + "</a> "
              + badge(pr.verdict().name())
              + (pr.citable() ? " citable" : "")
              + "</li>");
    }
    out.println("</ul>");
    out.println("</header>");
    out.println("<main>");
    for (PrResult pr : verdict.prs()) {
      card(pr, histories.get(pr.id()), out);
    }
    if (scorecard != null) {
      scorecard(scorecard, out);
    }
    out.println("</main>");
    out.println("</body>");
    out.println("</html>");
    out.flush();
  }

  private static void scorecard(Scorecard scorecard, PrintWriter out) {
    out.println("<section id=\"scorecard\" aria-labelledby=\"scorecard-title\">");
    out.println("<h2 id=\"scorecard-title\">Tier scorecard</h2>");
    int unclassified = scorecard.unclassified().size();
    out.println(
        "<p>Runner dogfood: <strong>"
            + (unclassified == 0 ? "" : "at least ")
            + esc(scorecard.dogfoodLine())
            + "</strong> (Tier 3 + Tier 4 over the active set)"
            + (unclassified == 0
                ? ""
                : "; " + unclassified + " unclassified: their evidence could not be read")
            + ".</p>");
    out.println(
        "<table><caption class=\"muted\">Computed from workflow files and default-branch runs"
            + "</caption><thead><tr><th scope=\"col\">Tier</th><th scope=\"col\">Meaning</th>"
            + "<th scope=\"col\">Repos</th><th scope=\"col\">Count</th></tr></thead><tbody>");
    for (Scorecard.Row row : scorecard.rows()) {
      out.println(
          "<tr><th scope=\"row\">"
              + esc(row.label())
              + "</th><td>"
              + esc(row.meaning())
              + "</td><td>"
              + esc(row.repos().isEmpty() ? "-" : String.join(", ", row.repos()))
              + "</td><td>"
              + row.repos().size()
              + "</td></tr>");
    }
    out.println("</tbody></table>");
    out.println(
        "<table><thead><tr><th scope=\"col\">Repo</th><th scope=\"col\">Tier</th>"
            + "<th scope=\"col\" class=\"found\">Why</th>"
            + "<th scope=\"col\" class=\"evidence\">Evidence</th></tr></thead><tbody>");
    for (RepoClassification repo : scorecard.repos()) {
      out.println(
          "<tr><th scope=\"row\">"
              + esc(repo.repo())
              + "</th><td>"
              + (repo.classified()
                  ? esc(repo.tierLabel()) + (repo.counted() ? " (counted)" : "")
                  : badge("UNDECIDED") + " unclassified")
              + "</td><td class=\"found\">"
              + esc(repo.summary() + (repo.drift() == null ? "" : "; " + repo.drift()))
              + "</td><td class=\"evidence\">"
              + links(repo.evidence())
              + "</td></tr>");
    }
    out.println("</tbody></table>");
    out.println("</section>");
  }

  private static void card(PrResult pr, HistoryReport history, PrintWriter out) {
    out.println(
        "<article id=\"" + pr.id() + "\" class=\"pr\" aria-labelledby=\"" + pr.id() + "-title\">");
    out.println(
        "<h2 id=\""
            + pr.id()
            + "-title\">"
            + esc(pr.id())
            + ": "
            + esc(pr.title())
            + " "
            + badge(pr.verdict().name())
            + "</h2>");
    out.println("<p>" + esc(pr.repo()) + " · " + esc(pr.reason()) + "</p>");
    for (GateResult gate : pr.gates()) {
      out.println("<h3>" + esc(gate.type()) + " gate " + badge(gate.status().name()) + "</h3>");
      out.println(
          "<table><thead><tr><th scope=\"col\">Check</th><th scope=\"col\">Status</th>"
              + "<th scope=\"col\" class=\"found\">Found</th><th scope=\"col\">Needs</th>"
              + "<th scope=\"col\" class=\"evidence\">Evidence</th></tr></thead><tbody>");
      for (CheckResult check : gate.checks()) {
        out.println(
            "<tr><th scope=\"row\">"
                + esc(check.id())
                + (check.attested() ? " (attested)" : "")
                + "</th><td>"
                + badge(check.status().name())
                + "</td><td class=\"found\">"
                + esc(check.summary())
                + "</td><td>"
                + esc(check.needs() == null ? "" : check.needs())
                + "</td><td class=\"evidence\">"
                + links(check.evidence())
                + "</td></tr>");
      }
      out.println("</tbody></table>");
    }
    if (history != null && !history.lanes().isEmpty()) {
      out.println("<h3>Lanes over time</h3>");
      for (HistoryReport.Lane lane : history.lanes()) {
        out.println(
            "<div class=\"strip\">"
                + strip(lane)
                + "<span>"
                + esc(lane.workflow() + " · " + lane.lane())
                + ": "
                + esc(streak(lane.streak()))
                + "</span></div>");
      }
    }
    if (!pr.stopConditions().isEmpty()) {
      out.println("<h3>Stop conditions</h3><ul>");
      for (StopResult stop : pr.stopConditions()) {
        out.println(
            "<li>"
                + badge(stop.state().name())
                + " <strong>"
                + esc(stop.id())
                + "</strong>: "
                + esc(stop.describe())
                + "<br><span class=\"muted\">"
                + esc(stop.summary())
                + "</span>"
                + (stop.triggered()
                    ? "<br>Response: " + esc(String.join("; ", stop.response()))
                    : "")
                + "</li>");
      }
      out.println("</ul>");
    }
    if (!pr.rollback().isEmpty()) {
      out.println("<h3>Rollback rules</h3><ul>");
      pr.rollback().forEach(rule -> out.println("<li>" + esc(rule) + "</li>"));
      out.println("</ul>");
    }
    out.println(
        "<p class=\"muted\">Evidence artifacts: merged PR "
            + link(pr.evidenceArtifacts().mergedPr())
            + ", successful run "
            + link(pr.evidenceArtifacts().successfulRun())
            + ", classification row "
            + link(pr.evidenceArtifacts().classificationRow())
            + (pr.citable() ? " · citable" : " · not citable")
            + "</p>");
    out.println("</article>");
  }

  /**
   * A run strip as an inline SVG: a square per run, oldest left; the text alternative says the same
   * in words.
   */
  private static String strip(HistoryReport.Lane lane) {
    int size = 14;
    int gap = 4;
    int width = Math.max(1, lane.runs().size() * (size + gap));
    long successes = lane.runs().stream().filter(run -> run.outcome().equals("success")).count();
    long failures = lane.runs().stream().filter(run -> run.outcome().equals("failure")).count();
    String alt =
        lane.lane()
            + ": "
            + lane.runs().size()
            + " newest runs, oldest first: "
            + successes
            + " succeeded, "
            + failures
            + " failed; "
            + streak(lane.streak());
    StringBuilder svg = new StringBuilder();
    svg.append("<svg role=\"img\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(size)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(size)
        .append("\" aria-label=\"")
        .append(esc(alt))
        .append("\"><title>")
        .append(esc(alt))
        .append("</title>");
    int x = 0;
    for (HistoryReport.Run run : lane.runs()) {
      String colour =
          switch (run.outcome()) {
            case "success" -> "#1a7f37";
            case "failure" -> "#cf222e";
            default -> "#d0d7de";
          };
      svg.append("<rect x=\"")
          .append(x)
          .append("\" y=\"0\" width=\"")
          .append(size)
          .append("\" height=\"")
          .append(size)
          .append("\" rx=\"2\" fill=\"")
          .append(colour)
          .append("\"><title>")
          .append(
              esc(
                  run.createdAt()
                      + " "
                      + run.outcome()
                      + (run.cause() == null ? "" : ": " + run.cause())))
          .append("</title></rect>");
      if (run.outcome().equals("failure")) {
        // a cross as well as the colour, so the strip reads without colour too
        svg.append("<path d=\"M")
            .append(x + 3)
            .append(" 3 L")
            .append(x + size - 3)
            .append(' ')
            .append(size - 3)
            .append(" M")
            .append(x + size - 3)
            .append(" 3 L")
            .append(x + 3)
            .append(' ')
            .append(size - 3)
            .append("\" stroke=\"#fff\" stroke-width=\"2\"/>");
      }
      x += size + gap;
    }
    return svg.append("</svg>").toString();
  }

  private static String streak(HistoryReport.Streak streak) {
    if (streak.outcome().equals("none")) {
      return "no runs on this lane";
    }
    String noun = streak.outcome().equals("success") ? "success" : "failure";
    return "streak of "
        + streak.length()
        + " "
        + (streak.length() == 1 ? noun : noun.equals("success") ? "successes" : "failures");
  }

  private static String badge(String status) {
    return "<span class=\"badge " + status + "\">" + status + "</span>";
  }

  private static String links(List<Evidence> evidence) {
    List<String> urls =
        evidence.stream().map(Evidence::url).filter(java.util.Objects::nonNull).distinct().toList();
    StringBuilder links = new StringBuilder();
    for (int i = 0; i < urls.size() && i < 3; i++) {
      links
          .append(i == 0 ? "" : " ")
          .append("<a href=\"")
          .append(esc(urls.get(i)))
          .append("\">")
          .append(i + 1)
          .append("</a>");
    }
    if (urls.size() > 3) {
      links.append(" +").append(urls.size() - 3);
    }
    return links.toString();
  }

  private static String link(String url) {
    return url == null
        ? "missing"
        : "<a href=\""
            + esc(url)
            + "\">"
            + esc(url.replaceFirst("^https://github.com/", ""))
            + "</a>";
  }

  private static String from(RolloutVerdict verdict) {
    return "snapshot".equals(verdict.source().kind())
        ? "snapshot "
            + verdict.source().file()
            + " (captured "
            + verdict.source().capturedAt()
            + ")"
        : "GitHub " + verdict.source().apiUrl();
  }

  static String esc(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
