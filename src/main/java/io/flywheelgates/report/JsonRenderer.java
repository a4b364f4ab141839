package io.flywheelgates.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flywheelgates.verdict.CheckResult;
import io.flywheelgates.verdict.Evidence;
import io.flywheelgates.verdict.FailureModeNote;
import io.flywheelgates.verdict.GateResult;
import io.flywheelgates.verdict.PrResult;
import io.flywheelgates.verdict.RolloutVerdict;
import io.flywheelgates.verdict.Source;
import io.flywheelgates.verdict.StopResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The verdict as one JSON document, schema {@value #SCHEMA} (shipped as {@code
 * schema/verdict-v1.schema.json}). Field names are snake_case and part of the contract.
 */
public final class JsonRenderer implements Renderer {
  public static final String SCHEMA = "flywheel-gates/verdict@1";
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public void render(RolloutVerdict verdict, PrintWriter out) {
    try {
      out.println(MAPPER.writeValueAsString(toJson(verdict)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  public ObjectNode toJson(RolloutVerdict verdict) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("evaluated_at", verdict.evaluatedAt().toString());
    source(root, verdict.source());
    root.put("verdict", verdict.verdict().name());
    ArrayNode prs = root.putArray("prs");
    verdict.prs().forEach(pr -> prs.add(pr(pr)));
    return root;
  }

  /** The {@code source} block every JSON document of ours carries: where the facts came from. */
  static void source(ObjectNode parent, Source source) {
    ObjectNode node = parent.putObject("source");
    node.put("kind", source.kind());
    if (source.file() != null) {
      node.put("file", source.file());
    }
    node.put("api_url", source.apiUrl());
    if (source.capturedAt() != null) {
      node.put("captured_at", source.capturedAt().toString());
    }
  }

  private ObjectNode pr(PrResult pr) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", pr.id());
    node.put("title", pr.title());
    node.put("repo", pr.repo());
    node.put("verdict", pr.verdict().name());
    node.put("reason", pr.reason());
    strings(node.putArray("blocked_by"), pr.blockedBy());
    node.put("citable", pr.citable());
    ArrayNode gates = node.putArray("gates");
    for (GateResult gate : pr.gates()) {
      ObjectNode gateNode = gates.addObject();
      gateNode.put("type", gate.type());
      gateNode.put("status", gate.status().name());
      ArrayNode checks = gateNode.putArray("checks");
      gate.checks().forEach(check -> checks.add(check(check)));
    }
    ArrayNode stops = node.putArray("stop_conditions");
    for (StopResult stop : pr.stopConditions()) {
      ObjectNode stopNode = stops.addObject();
      stopNode.put("id", stop.id());
      stopNode.put("describe", stop.describe());
      stopNode.put("triggered", stop.triggered());
      stopNode.put("state", stop.state().name());
      stopNode.put("summary", stop.summary());
      if (stop.needs() != null) {
        stopNode.put("needs", stop.needs());
      }
      strings(stopNode.putArray("blocks"), stop.blocks());
      strings(stopNode.putArray("response"), stop.response());
      strings(stopNode.putArray("failure_modes"), stop.failureModes());
      evidence(stopNode.putArray("evidence"), stop.evidence());
    }
    strings(node.putArray("rollback"), pr.rollback());
    ArrayNode modes = node.putArray("failure_modes");
    for (FailureModeNote mode : pr.failureModes()) {
      ObjectNode modeNode = modes.addObject();
      modeNode.put("id", mode.id());
      modeNode.put("name", mode.name());
      if (mode.noteRef() != null) {
        modeNode.put("note", mode.noteRef());
      }
      modeNode.put("interpretation", mode.interpretation());
      strings(modeNode.putArray("response"), mode.response());
    }
    ObjectNode artifacts = node.putObject("evidence_artifacts");
    artifacts.put("merged_pr", pr.evidenceArtifacts().mergedPr());
    artifacts.put("successful_run", pr.evidenceArtifacts().successfulRun());
    artifacts.put("classification_row", pr.evidenceArtifacts().classificationRow());
    return node;
  }

  private ObjectNode check(CheckResult check) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", check.id());
    node.put("describe", check.describe());
    node.put("status", check.status().name());
    node.put("summary", check.summary());
    if (check.needs() != null) {
      node.put("needs", check.needs());
    }
    node.put("attested", check.attested());
    evidence(node.putArray("evidence"), check.evidence());
    return node;
  }

  static void evidence(ArrayNode array, List<Evidence> evidence) {
    for (Evidence item : evidence) {
      ObjectNode node = array.addObject();
      node.put("kind", item.kind());
      node.put("url", item.url());
      for (Map.Entry<String, Object> attribute : item.attributes().entrySet()) {
        node.putPOJO(attribute.getKey(), attribute.getValue());
      }
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
