package io.flywheelgates.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flywheelgates.verdict.RolloutVerdict;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed since a saved JSON verdict: PR verdicts, check statuses and stop conditions that
 * flipped, and evidence that is new, so a scheduled job can report only changes. Both sides are
 * compared as our own JSON (schema {@value JsonRenderer#SCHEMA}).
 */
public final class VerdictDiff {
  public static final String SCHEMA = "flywheel-gates/verdict-diff@1";
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One flip: {@code what} is verdict, check or stop; {@code id} names it (pr, pr.gate.check,
   * pr.stop).
   */
  public record Change(String what, String id, String from, String to) {}

  public record NewEvidence(String id, String url) {}

  private final List<Change> changes = new ArrayList<>();
  private final List<NewEvidence> newEvidence = new ArrayList<>();
  private final String since;
  private final RolloutVerdict current;

  public VerdictDiff(JsonNode saved, RolloutVerdict current) {
    this.current = current;
    this.since = saved.path("evaluated_at").asText("an unknown time");
    JsonNode now = new JsonRenderer().toJson(current);
    Map<String, JsonNode> before = byId(saved.path("prs"));
    for (JsonNode pr : now.path("prs")) {
      String id = pr.path("id").asText();
      JsonNode old = before.get(id);
      compare(
          "verdict",
          id,
          old == null ? "absent" : old.path("verdict").asText(),
          pr.path("verdict").asText());
      Map<String, JsonNode> oldChecks = old == null ? Map.of() : checks(old);
      for (Map.Entry<String, JsonNode> check : checks(pr).entrySet()) {
        JsonNode was = oldChecks.get(check.getKey());
        compare(
            "check",
            check.getKey(),
            was == null ? "absent" : was.path("status").asText(),
            check.getValue().path("status").asText());
        Set<String> known = new HashSet<>();
        if (was != null) {
          was.path("evidence").forEach(e -> known.add(e.path("url").asText()));
        }
        check
            .getValue()
            .path("evidence")
            .forEach(
                e -> {
                  String url = e.path("url").asText(null);
                  if (url != null && known.add(url)) {
                    newEvidence.add(new NewEvidence(check.getKey(), url));
                  }
                });
      }
      Map<String, JsonNode> oldStops = old == null ? Map.of() : stops(old);
      for (Map.Entry<String, JsonNode> stop : stops(pr).entrySet()) {
        JsonNode was = oldStops.get(stop.getKey());
        compare(
            "stop",
            stop.getKey(),
            was == null ? "absent" : was.path("state").asText(),
            stop.getValue().path("state").asText());
      }
    }
  }

  public List<Change> changes() {
    return List.copyOf(changes);
  }

  public List<NewEvidence> newEvidence() {
    return List.copyOf(newEvidence);
  }

  private void compare(String what, String id, String from, String to) {
    if (!from.equals(to)) {
      changes.add(new Change(what, id, from, to));
    }
  }

  private static Map<String, JsonNode> byId(JsonNode prs) {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    prs.forEach(pr -> byId.put(pr.path("id").asText(), pr));
    return byId;
  }

  private static Map<String, JsonNode> checks(JsonNode pr) {
    Map<String, JsonNode> checks = new LinkedHashMap<>();
    for (JsonNode gate : pr.path("gates")) {
      for (JsonNode check : gate.path("checks")) {
        checks.put(
            pr.path("id").asText()
                + "."
                + gate.path("type").asText()
                + "."
                + check.path("id").asText(),
            check);
      }
    }
    return checks;
  }

  private static Map<String, JsonNode> stops(JsonNode pr) {
    Map<String, JsonNode> stops = new LinkedHashMap<>();
    pr.path("stop_conditions")
        .forEach(stop -> stops.put(pr.path("id").asText() + "." + stop.path("id").asText(), stop));
    return stops;
  }

  public void text(PrintWriter out) {
    out.println(
        "flywheel-gates · changes from the verdict of "
            + since
            + " to "
            + current.evaluatedAt()
            + " · now "
            + current.verdict());
    if (changes.isEmpty() && newEvidence.isEmpty()) {
      out.println("no changes");
    }
    for (Change change : changes) {
      out.printf("  %-7s %s: %s -> %s%n", change.what(), change.id(), change.from(), change.to());
    }
    for (NewEvidence evidence : newEvidence) {
      out.println("  new     " + evidence.id() + ": " + evidence.url());
    }
    out.flush();
  }

  public void json(PrintWriter out) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("since", since);
    root.put("evaluated_at", current.evaluatedAt().toString());
    root.put("verdict", current.verdict().name());
    ArrayNode changeNodes = root.putArray("changes");
    changes.forEach(
        change ->
            changeNodes
                .addObject()
                .put("what", change.what())
                .put("id", change.id())
                .put("from", change.from())
                .put("to", change.to()));
    ArrayNode evidenceNodes = root.putArray("new_evidence");
    newEvidence.forEach(
        evidence -> evidenceNodes.addObject().put("id", evidence.id()).put("url", evidence.url()));
    try {
      out.println(MAPPER.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }
}
