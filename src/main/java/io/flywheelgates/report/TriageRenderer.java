package io.flywheelgates.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flywheelgates.verdict.TriageReport;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The triage report as text (per lane, newest first, with counts) or JSON (schema {@value
 * #SCHEMA}).
 */
public final class TriageRenderer {
  public static final String SCHEMA = "flywheel-gates/triage@1";
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public void text(TriageReport report, PrintWriter out) {
    out.println(
        "flywheel-gates triage · evaluated at " + report.evaluatedAt() + " · " + from(report));
    String workflow = null;
    for (TriageReport.Lane lane : report.lanes()) {
      String header = lane.repo() + " " + lane.workflow();
      if (!header.equals(workflow)) {
        out.println();
        int runs = lane.runsLookedAt();
        out.println(
            header + " (newest " + runs + " default-branch run" + (runs == 1 ? "" : "s") + ")");
        workflow = header;
      }
      if (lane.failures() == 0) {
        out.println("  " + lane.lane() + ": no failures");
        continue;
      }
      out.println(
          "  "
              + lane.lane()
              + ": "
              + lane.failures()
              + " failure"
              + (lane.failures() == 1 ? "" : "s")
              + " · "
              + counts(lane.causes()));
      for (TriageReport.Failure failure : report.failures()) {
        if (failure.repo().equals(lane.repo())
            && failure.workflow().equals(lane.workflow())
            && failure.lane().equals(lane.lane())) {
          out.printf(
              "    %s  run %d  %-20s %s%n",
              failure.createdAt(), failure.runId(), failure.cause(), failure.matched());
          out.println("        " + failure.jobUrl());
        }
      }
    }
    if (!report.gaps().isEmpty()) {
      out.println();
      out.println("not read (their failures cannot be classified):");
      report.gaps().forEach(gap -> out.println("  - " + gap));
    }
    out.flush();
  }

  public void json(TriageReport report, PrintWriter out) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("evaluated_at", report.evaluatedAt().toString());
    JsonRenderer.source(root, report.source());
    ArrayNode lanes = root.putArray("lanes");
    for (TriageReport.Lane lane : report.lanes()) {
      ObjectNode node = lanes.addObject();
      node.put("repo", lane.repo());
      node.put("workflow", lane.workflow());
      node.put("lane", lane.lane());
      node.put("runs_looked_at", lane.runsLookedAt());
      node.put("failures", lane.failures());
      ObjectNode causes = node.putObject("causes");
      lane.causes().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> causes.put(e.getKey(), e.getValue()));
    }
    ArrayNode failures = root.putArray("failures");
    for (TriageReport.Failure failure : report.failures()) {
      ObjectNode node = failures.addObject();
      node.put("cause", failure.cause());
      node.put("lane", failure.lane());
      node.put("repo", failure.repo());
      node.put("workflow", failure.workflow());
      node.put("run_id", failure.runId());
      node.put("run_url", failure.runUrl());
      node.put("created_at", String.valueOf(failure.createdAt()));
      node.put("job", failure.job());
      node.put("job_url", failure.jobUrl());
      node.put("matched", failure.matched());
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

  private static String counts(Map<String, Integer> causes) {
    List<Map.Entry<String, Integer>> sorted =
        causes.entrySet().stream()
            .sorted(
                Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()))
            .toList();
    return String.join(", ", sorted.stream().map(e -> e.getKey() + " " + e.getValue()).toList());
  }

  private static String from(TriageReport report) {
    return "snapshot".equals(report.source().kind())
        ? "snapshot " + report.source().file()
        : "GitHub " + report.source().apiUrl();
  }
}
