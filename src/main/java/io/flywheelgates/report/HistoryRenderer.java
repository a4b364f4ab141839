package io.flywheelgates.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flywheelgates.verdict.HistoryReport;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A PR's lanes over time as a compact strip per lane, oldest left and newest right ({@code ✓ ✓ ✗ ✓
 * ·}, or {@code + + x + .} where the terminal is not UTF-8), with the current streak and each
 * failure's cause; or as JSON ({@value #SCHEMA}).
 */
public final class HistoryRenderer {
  public static final String SCHEMA = "flywheel-gates/history@1";
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

  public void text(HistoryReport report, PrintWriter out, boolean unicode) {
    out.println(
        "flywheel-gates history · "
            + report.pr()
            + " · evaluated at "
            + report.evaluatedAt()
            + " · oldest left, newest right ("
            + (unicode
                ? "✓ success, ✗ failure, · no job on the lane"
                : "+ success, x failure, . no job on the lane")
            + ")");
    String workflow = null;
    int width = report.lanes().stream().mapToInt(lane -> lane.lane().length()).max().orElse(0);
    for (HistoryReport.Lane lane : report.lanes()) {
      String header = lane.repo() + " " + lane.workflow();
      if (!header.equals(workflow)) {
        out.println();
        int runs = lane.runs().size();
        out.println(
            header + " (newest " + runs + " default-branch run" + (runs == 1 ? "" : "s") + ")");
        if (!lane.runs().isEmpty()) {
          out.println(
              "  "
                  + " ".repeat(width)
                  + "  from "
                  + WHEN.format(lane.runs().get(0).createdAt())
                  + " to "
                  + WHEN.format(lane.runs().get(lane.runs().size() - 1).createdAt())
                  + " UTC");
        }
        workflow = header;
      }
      StringBuilder strip = new StringBuilder();
      for (HistoryReport.Run run : lane.runs()) {
        strip.append(strip.length() == 0 ? "" : " ").append(symbol(run.outcome(), unicode));
      }
      out.printf("  %-" + width + "s  %s   %s%n", lane.lane(), strip, streak(lane.streak()));
      for (HistoryReport.Run run : lane.runs()) {
        if (run.outcome().equals("failure")) {
          out.printf(
              "  %-" + width + "s    %s %s UTC  run %d  %s: %s%n",
              "",
              symbol("failure", unicode),
              WHEN.format(run.createdAt()),
              run.runId(),
              run.cause(),
              run.matched());
        }
      }
    }
    if (!report.gaps().isEmpty()) {
      out.println();
      out.println("not read:");
      report.gaps().forEach(gap -> out.println("  - " + gap));
    }
    out.flush();
  }

  public void json(HistoryReport report, PrintWriter out) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("pr", report.pr());
    root.put("evaluated_at", report.evaluatedAt().toString());
    JsonRenderer.source(root, report.source());
    ArrayNode lanes = root.putArray("lanes");
    for (HistoryReport.Lane lane : report.lanes()) {
      ObjectNode node = lanes.addObject();
      node.put("repo", lane.repo());
      node.put("workflow", lane.workflow());
      node.put("lane", lane.lane());
      ArrayNode runs = node.putArray("runs");
      for (HistoryReport.Run run : lane.runs()) {
        ObjectNode runNode = runs.addObject();
        runNode.put("run_id", run.runId());
        runNode.put("created_at", run.createdAt().toString());
        runNode.put("url", run.url());
        runNode.put("outcome", run.outcome());
        if (run.cause() != null) {
          runNode.put("cause", run.cause());
          runNode.put("matched", run.matched());
        }
      }
      ObjectNode streak = node.putObject("streak");
      streak.put("outcome", lane.streak().outcome());
      streak.put("length", lane.streak().length());
      ObjectNode causes = streak.putObject("causes");
      sorted(lane.streak().causes()).forEach(entry -> causes.put(entry.getKey(), entry.getValue()));
    }
    ArrayNode gaps = root.putArray("gaps");
    report.gaps().forEach(gaps::add);
    try {
      out.println(MAPPER.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  private static String symbol(String outcome, boolean unicode) {
    return switch (outcome) {
      case "success" -> unicode ? "✓" : "+";
      case "failure" -> unicode ? "✗" : "x";
      default -> unicode ? "·" : ".";
    };
  }

  private static String streak(HistoryReport.Streak streak) {
    if (streak.outcome().equals("none")) {
      return "no runs on this lane";
    }
    String noun = streak.outcome().equals("success") ? "success" : "failure";
    String what =
        streak.length()
            + " "
            + (streak.length() == 1 ? noun : noun.equals("success") ? "successes" : "failures");
    if (streak.causes().isEmpty()) {
      return "streak: " + what;
    }
    List<String> causes =
        sorted(streak.causes()).stream().map(e -> e.getKey() + " " + e.getValue()).toList();
    return "streak: " + what + " (" + String.join(", ", causes) + ")";
  }

  private static List<Map.Entry<String, Integer>> sorted(Map<String, Integer> counts) {
    return counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
  }
}
