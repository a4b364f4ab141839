package io.flywheelgates.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads GitHub workflow files (text from the facts) into their jobs. Parsing text is not I/O; each
 * file is parsed once per evaluation.
 */
final class WorkflowFiles {
  private static final YAMLFactory YAML = new YAMLFactory();

  /**
   * Commands that only show state: a job running nothing else proves nothing about its lane
   * (Failure Mode 5).
   */
  private static final Set<String> SHOW_ONLY =
      Set.of("echo", "printf", "env", "printenv", "export", "set", "true", ":");

  /**
   * A job as written: its {@code uses} (reusable workflow), {@code with:} inputs as text, {@code
   * runs-on} labels, and the scripts of its {@code run:} steps.
   */
  record Job(
      String name,
      String uses,
      Map<String, String> with,
      List<String> runsOn,
      List<String> runScripts) {

    /**
     * The first command line of its run steps that does more than show state, or null when there is
     * none.
     */
    String firstRealCommand() {
      for (String script : runScripts) {
        for (String line : script.split("\\R")) {
          String command = line.strip();
          if (command.isEmpty() || command.startsWith("#")) {
            continue;
          }
          String first = command.split("[\\s|;&]+", 2)[0];
          boolean printsEnvFile = first.equals("cat") && command.contains("GITHUB_ENV");
          if (!SHOW_ONLY.contains(first) && !printsEnvFile) {
            return command;
          }
        }
      }
      return null;
    }
  }

  /**
   * Either jobs, or why the file could not be read as a workflow. {@code reusableOnly}: it runs
   * only when another workflow calls it ({@code on: workflow_call}), so its jobs run as the
   * caller's.
   */
  record Parsed(List<Job> jobs, String problem, boolean reusableOnly) {
    Parsed(List<Job> jobs, String problem) {
      this(jobs, problem, false);
    }
  }

  private final Map<String, Parsed> parsed = new HashMap<>();

  Parsed parse(String key, String content) {
    return parsed.computeIfAbsent(key, unused -> parse(content));
  }

  private static Parsed parse(String content) {
    JsonNode root;
    try (JsonParser parser = YAML.createParser(content)) {
      root = parser.nextToken() == null ? null : tree(parser);
    } catch (JsonProcessingException e) {
      return new Parsed(List.of(), "not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      return new Parsed(List.of(), "not readable: " + e.getMessage());
    }
    JsonNode jobs = root == null ? null : root.get("jobs");
    if (jobs == null || !jobs.isObject()) {
      return new Parsed(List.of(), "it has no 'jobs' mapping");
    }
    List<Job> result = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : jobs.properties()) {
      JsonNode job = entry.getValue();
      Map<String, String> with = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> input : job.path("with").properties()) {
        with.put(input.getKey(), text(input.getValue()));
      }
      List<String> scripts = new ArrayList<>();
      for (JsonNode step : job.path("steps")) {
        if (step.hasNonNull("run")) {
          scripts.add(step.get("run").asText());
        }
      }
      result.add(
          new Job(
              entry.getKey(), text(job.get("uses")), with, runsOn(job.get("runs-on")), scripts));
    }
    return new Parsed(List.copyOf(result), null, reusableOnly(root));
  }

  /**
   * The value at the parser's token as a tree; scalars as text, as a workflow means them. Built
   * from the parser's tokens, not through an object mapper: a check reads workflow files on every
   * start, and a mapper's set-up costs more than all the parsing (docs/benchmarks.md).
   */
  private static JsonNode tree(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        object.set(name, tree(parser));
      }
      return object;
    }
    if (token == JsonToken.START_ARRAY) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        array.add(tree(parser));
      }
      return array;
    }
    return token == JsonToken.VALUE_NULL
        ? JsonNodeFactory.instance.nullNode()
        : JsonNodeFactory.instance.textNode(parser.getText());
  }

  /** {@code on:} is only {@code workflow_call}; YAML 1.1 readers may have made the key "true". */
  private static boolean reusableOnly(JsonNode root) {
    JsonNode on = root.has("on") ? root.get("on") : root.get("true");
    if (on == null) {
      return false;
    }
    List<String> events = new ArrayList<>();
    if (on.isTextual()) {
      events.add(on.asText());
    } else if (on.isArray()) {
      on.forEach(event -> events.add(event.asText()));
    } else if (on.isObject()) {
      on.fieldNames().forEachRemaining(events::add);
    }
    return events.equals(List.of("workflow_call"));
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
