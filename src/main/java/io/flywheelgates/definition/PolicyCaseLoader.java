package io.flywheelgates.definition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads policy test cases ({@value #SCHEMA}), one per YAML file in a directory, as strictly as gate
 * files: every problem is a {@code file:line:col: message}.
 */
public final class PolicyCaseLoader {
  public static final String SCHEMA = "flywheel-gates/test@1";
  private static final Set<String> VERDICTS =
      Set.of("GO", "NO_GO", "BLOCKED", "STOP", "INCONCLUSIVE");
  private static final Set<String> STATUSES = Set.of("PASS", "FAIL", "PENDING", "ERROR", "WAITING");
  private static final Set<String> STOP_STATES = Set.of("CLEAR", "TRIGGERED", "UNDECIDED");

  public List<PolicyCase> load(Path dir) throws InvalidDefinitionsException {
    List<Problem> problems = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files =
          listing
              .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
              .sorted()
              .toList();
    } catch (IOException e) {
      problems.add(
          new Problem(
              new Location(dir.toString(), 1, 1), "cannot list policy tests: " + e.getMessage()));
      throw new InvalidDefinitionsException(problems);
    }
    if (files.isEmpty()) {
      problems.add(
          new Problem(
              new Location(dir.toString(), 1, 1),
              "no policy test files (*.yaml) in this directory"));
    }
    List<PolicyCase> cases = new ArrayList<>();
    for (Path file : files) {
      PolicyCase policyCase = read(file, problems);
      if (policyCase != null) {
        cases.add(policyCase);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidDefinitionsException(problems);
    }
    return List.copyOf(cases);
  }

  private PolicyCase read(Path file, List<Problem> problems) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(
          new Problem(new Location(file.toString(), 1, 1), "cannot read: " + e.getMessage()));
      return null;
    }
    int before = problems.size();
    YamlNode root = new YamlTreeReader(file.toString(), problems).read(text);
    MappingReader map = root == null ? null : MappingReader.of(root, "a policy test", problems);
    if (map == null) {
      return null;
    }
    String schema = map.requiredText("schema");
    if (schema != null && !SCHEMA.equals(schema)) {
      problems.add(
          new Problem(
              map.keyLocation("schema"),
              "unsupported schema '" + schema + "'; this version reads " + SCHEMA));
    }
    String describe = map.requiredText("describe");
    String snapshot = map.requiredText("snapshot");
    var at = map.instant("at");
    Map<String, String> verdicts = expectations(map, "expect", VERDICTS, problems);
    Map<String, String> checks = expectations(map, "checks", STATUSES, problems);
    Map<String, String> stops = expectations(map, "stops", STOP_STATES, problems);
    map.finish();
    if (verdicts.isEmpty() && checks.isEmpty() && stops.isEmpty() && problems.size() == before) {
      problems.add(
          new Problem(
              map.location(),
              "a policy test needs at least one expectation: expect, checks or stops"));
    }
    if (problems.size() != before) {
      return null;
    }
    Path snapshotPath = file.toAbsolutePath().getParent().resolve(snapshot).normalize();
    return new PolicyCase(file.toString(), describe, snapshotPath, at, verdicts, checks, stops);
  }

  private static Map<String, String> expectations(
      MappingReader map, String key, Set<String> allowed, List<Problem> problems) {
    Map<String, String> expected = new LinkedHashMap<>();
    YamlNode node = map.node(key);
    if (node == null) {
      return expected;
    }
    MappingReader entries = MappingReader.of(node, "'" + key + "'", problems);
    if (entries == null) {
      return expected;
    }
    for (String name : List.copyOf(entries.keys())) {
      YamlNode valueNode = entries.node(name);
      String value = entries.asText(valueNode, name);
      if (value != null && !allowed.contains(value)) {
        problems.add(
            new Problem(
                valueNode.location(),
                "'"
                    + value
                    + "' is not one of "
                    + String.join(", ", allowed.stream().sorted().toList())));
      } else if (value != null) {
        expected.put(name, value);
      }
    }
    entries.finish();
    return expected;
  }
}
