package io.flywheelgates.report;

import io.flywheelgates.verdict.CheckResult;
import io.flywheelgates.verdict.Evidence;
import io.flywheelgates.verdict.EvidenceArtifacts;
import io.flywheelgates.verdict.GateResult;
import io.flywheelgates.verdict.PrResult;
import io.flywheelgates.verdict.RolloutVerdict;
import io.flywheelgates.verdict.Status;
import io.flywheelgates.verdict.StopResult;
import io.flywheelgates.verdict.Verdict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict for a person at a terminal: a block per PR with its verdict and why, every check with
 * what it found and what would flip it, the stop conditions, and (when one fires) the response and
 * rollback rules. Colour never carries meaning alone: every status is also written out.
 */
public final class TextRenderer implements Renderer {
  private static final int EVIDENCE_SHOWN = 3;
  private final boolean color;

  public TextRenderer(boolean color) {
    this.color = color;
  }

  @Override
  public void render(RolloutVerdict verdict, PrintWriter out) {
    out.println(header(verdict));
    for (PrResult pr : verdict.prs()) {
      out.println();
      renderPr(pr, out);
    }
    out.println();
    List<String> each = new ArrayList<>();
    verdict.prs().forEach(pr -> each.add(pr.id() + " " + paint(pr.verdict())));
    out.println(bold("verdict: ") + paint(verdict.verdict()) + "   " + String.join(" · ", each));
    out.flush();
  }

  private static String header(RolloutVerdict verdict) {
    var source = verdict.source();
    String from =
        "snapshot".equals(source.kind())
            ? "snapshot "
                + source.file()
                + " (captured "
                + source.capturedAt()
                + " from "
                + source.apiUrl()
                + ")"
            : "GitHub " + source.apiUrl();
    return "flywheel-gates · evaluated at " + verdict.evaluatedAt() + " · " + from;
  }

  private void renderPr(PrResult pr, PrintWriter out) {
    out.println(bold(pr.id()) + "  " + paint(pr.verdict()) + "  " + pr.title() + " · " + pr.repo());
    out.println("  " + pr.reason());
    for (GateResult gate : pr.gates()) {
      out.println(("  " + pad(gate.type(), 10) + " " + paint(gate.status())).stripTrailing());
      if (gate.status() == Status.WAITING) {
        continue;
      }
      for (CheckResult check : gate.checks()) {
        out.println(
            "    "
                + paint(check.status())
                + "  "
                + check.id()
                + (check.attested() ? " (attested)" : "")
                + ": "
                + check.summary());
        if (check.needs() != null) {
          out.println(
              "             "
                  + (check.needs().startsWith("needs") ? "" : "needs: ")
                  + check.needs());
        }
        evidence(check.evidence(), out);
      }
    }
    if (!pr.stopConditions().isEmpty()) {
      out.println("  stop conditions");
      for (StopResult stop : pr.stopConditions()) {
        String state =
            switch (stop.state()) {
              case TRIGGERED -> red("FIRED    ");
              case UNDECIDED -> yellow("UNDECIDED");
              case CLEAR -> green("clear    ");
            };
        out.println("    " + state + " " + stop.id() + ": " + stop.summary());
        if (stop.triggered()) {
          stop.response().forEach(step -> out.println("             response: " + step));
          evidence(stop.evidence(), out);
        }
      }
    }
    if (pr.verdict() == Verdict.STOP && !pr.rollback().isEmpty()) {
      out.println("  rollback rules");
      pr.rollback().forEach(rule -> out.println("    - " + rule));
    }
    out.println(
        "  evidence artifacts: "
            + artifacts(pr.evidenceArtifacts())
            + (pr.citable() ? " · citable" : " · not citable"));
  }

  /** The first few distinct evidence links; the JSON output has them all, with their attributes. */
  private static void evidence(List<Evidence> evidence, PrintWriter out) {
    List<String> urls =
        evidence.stream().map(Evidence::url).filter(java.util.Objects::nonNull).distinct().toList();
    urls.stream().limit(EVIDENCE_SHOWN).forEach(url -> out.println("             " + url));
    if (urls.size() > EVIDENCE_SHOWN) {
      out.println(
          "             … and " + (urls.size() - EVIDENCE_SHOWN) + " more (see --format json)");
    }
  }

  private static String artifacts(EvidenceArtifacts artifacts) {
    return String.join(
        ", ",
        List.of(
            artifact("merged PR", artifacts.mergedPr()),
            artifact("successful run", artifacts.successfulRun()),
            artifact("classification row", artifacts.classificationRow())));
  }

  /**
   * Padded with spaces to {@code width}. Not String.format: its first call loads the locale data,
   * about 15 ms of a start-up that is all this tool costs a person at a terminal.
   */
  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  private static String artifact(String name, String url) {
    return name + " " + (url == null ? "missing" : url);
  }

  private String paint(Verdict verdict) {
    String text = verdict.name();
    return switch (verdict) {
      case GO -> green(text);
      case NO_GO, BLOCKED -> yellow(text);
      case STOP, INCONCLUSIVE -> red(text);
    };
  }

  private String paint(Status status) {
    String text = pad(status.name(), 7);
    return switch (status) {
      case PASS -> green(text);
      case WAITING, PENDING -> yellow(text);
      case FAIL, ERROR -> red(text);
    };
  }

  private String green(String text) {
    return ansi("32", text);
  }

  private String yellow(String text) {
    return ansi("33", text);
  }

  private String red(String text) {
    return ansi("31", text);
  }

  private String bold(String text) {
    return ansi("1", text);
  }

  private String ansi(String code, String text) {
    return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
