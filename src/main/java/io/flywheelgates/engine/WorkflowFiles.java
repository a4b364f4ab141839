package io.flywheelgates.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads GitHub workflow files (text from the facts) into their jobs. Parsing text is not I/O; each
 * file is parsed once per evaluation.
 */
final class WorkflowFiles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * A job as written: its {@code uses} (reusable workflow), {@code with:} inputs as text, {@code
   * runs-on} labels.
   */
  record Job(String name, String uses, Map<String, String> with, List<String> runsOn) {}

  /** Either jobs, or why the file could not be read as a workflow. */
  record Parsed(List<Job> jobs, String problem) {}

  private final Map<String, Parsed> parsed = new HashMap<>();

  Parsed parse(String key, String content) {
    return parsed.computeIfAbsent(key, unused -> parse(content));
  }

  private static Parsed parse(String content) {
    JsonNode root;
    try {
      root = YAML.readTree(content);
    } catch (JsonProcessingException e) {
      return new Parsed(List.of(), "not valid YAML: " + e.getOriginalMessage());
    }
    JsonNode jobs = root == null ? null : root.get("jobs");
    if (jobs == null || !jobs.isObject()) {
      return new Parsed(List.of(), "it has no 'jobs' mapping");
    }
    List<Job> result = new ArrayList<>();
    jobs.properties()
        .forEach(
            entry -> {
              JsonNode job = entry.getValue();
              Map<String, String> with = new LinkedHashMap<>();
              JsonNode withNode = job.get("with");
              if (withNode != null && withNode.isObject()) {
                withNode
                    .fields()
                    .forEachRemaining(input -> with.put(input.getKey(), text(input.getValue())));
              }
              result.add(
                  new Job(entry.getKey(), text(job.get("uses")), with, runsOn(job.get("runs-on"))));
            });
    return new Parsed(List.copyOf(result), null);
  }

  /** {@code runs-on} may be a label, a list of labels, or {@code {group:, labels:}}. */
  private static List<String> runsOn(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (node.isArray()) {
      List<String> labels = new ArrayList<>();
      node.forEach(label -> labels.add(label.asText()));
      return labels;
    }
    if (node.isObject()) {
      return runsOn(node.get("labels"));
    }
    return List.of(node.asText());
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
