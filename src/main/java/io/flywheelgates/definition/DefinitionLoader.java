package io.flywheelgates.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads gate definitions, format {@value #SCHEMA}: a {@code rollout.yaml} that names the PR files,
 * and one file per PR. Loading is strict and complete: every problem in every file is collected
 * before giving up.
 */
public final class DefinitionLoader {
  public static final String SCHEMA = "flywheel-gates/gates@1";
  public static final String ROLLOUT_FILE = "rollout.yaml";
  private static final String BUNDLED_DIR = "gates/";

  /** Reads a named file's text; the directory and the jar differ only in this. */
  private interface SourceReader {
    String read(String name) throws IOException;
  }

  public Definitions loadDirectory(Path dir) throws InvalidDefinitionsException {
    return load(
        dir.toString(),
        name -> Files.readString(dir.resolve(name), StandardCharsets.UTF_8),
        dir.resolve(ROLLOUT_FILE).toString(),
        name -> dir.resolve(name).toString());
  }

  /** The definitions shipped in the jar, judging the real repositories of the rollout. */
  public Definitions loadBundled() throws InvalidDefinitionsException {
    return load(
        "bundled",
        name -> {
          try (InputStream in =
              DefinitionLoader.class.getClassLoader().getResourceAsStream(BUNDLED_DIR + name)) {
            if (in == null) {
              throw new NoSuchFileException(BUNDLED_DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
        },
        BUNDLED_DIR + ROLLOUT_FILE,
        name -> BUNDLED_DIR + name);
  }

  private Definitions load(
      String origin, SourceReader reader, String rolloutName, Function<String, String> displayName)
      throws InvalidDefinitionsException {
    List<Problem> problems = new ArrayList<>();
    YamlNode rolloutRoot = readFile(reader, ROLLOUT_FILE, rolloutName, problems);
    if (rolloutRoot == null) {
      throw new InvalidDefinitionsException(problems);
    }
    RolloutReader rolloutReader = new RolloutReader(problems);
    Rollout rollout = rolloutReader.read(rolloutRoot);
    if (rollout == null) {
      throw new InvalidDefinitionsException(problems);
    }

    List<PrDefinition> prs = new ArrayList<>();
    List<RuleReader> ruleReaders = new ArrayList<>();
    for (RolloutReader.PrFile prFile : rolloutReader.prFiles()) {
      YamlNode root =
          readFile(
              reader, prFile.name(), displayName.apply(prFile.name()), problems, prFile.location());
      if (root == null) {
        continue;
      }
      PrReader prReader = new PrReader(problems, rollout);
      PrDefinition pr = prReader.read(root);
      if (pr != null) {
        prs.add(pr);
        ruleReaders.add(prReader.rules());
      }
    }
    checkReferences(rollout, prs, ruleReaders, problems);
    Map<String, Location> afterAt = new HashMap<>();
    for (int i = 0; i < prs.size(); i++) {
      for (var after : ruleReaders.get(i).afterReferences) {
        afterAt.putIfAbsent(prs.get(i).id(), after.location());
      }
    }
    List<PrDefinition> ordered = rolloutOrder(prs, afterAt, problems);
    if (!problems.isEmpty()) {
      Collections.sort(problems);
      throw new InvalidDefinitionsException(problems);
    }
    return new Definitions(origin, withActiveSet(rollout, ordered), ordered);
  }

  /** A scorecard that names no active set classifies the repositories of the PR files. */
  private static Rollout withActiveSet(Rollout rollout, List<PrDefinition> prs) {
    ScorecardDefinition scorecard = rollout.scorecard();
    if (scorecard == null || !scorecard.activeSet().isEmpty()) {
      return rollout;
    }
    List<ScorecardDefinition.ActiveRepo> repos = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (PrDefinition pr : prs) {
      if (seen.add(pr.repo().toLowerCase(java.util.Locale.ROOT))) {
        repos.add(new ScorecardDefinition.ActiveRepo(pr.repo(), List.of()));
      }
    }
    return rollout.withScorecard(scorecard.withActiveSet(repos));
  }

  private YamlNode readFile(
      SourceReader reader, String name, String display, List<Problem> problems) {
    return readFile(reader, name, display, problems, new Location(display, 1, 1));
  }

  private YamlNode readFile(
      SourceReader reader,
      String name,
      String display,
      List<Problem> problems,
      Location referencedAt) {
    String text;
    try {
      text = reader.read(name);
    } catch (NoSuchFileException e) {
      problems.add(new Problem(referencedAt, "gate file '" + name + "' not found"));
      return null;
    } catch (IOException | UncheckedIOException e) {
      problems.add(
          new Problem(referencedAt, "cannot read gate file '" + name + "': " + e.getMessage()));
      return null;
    }
    YamlNode root = new YamlTreeReader(display, problems).read(text);
    if (root == null) {
      return null;
    }
    MappingReader top = MappingReader.of(root, "a gate file", problems);
    if (top == null) {
      return null;
    }
    YamlNode schema = top.node("schema");
    if (schema == null) {
      problems.add(
          new Problem(
              root.location(), "missing 'schema: " + SCHEMA + "' (the gate file format version)"));
      return null;
    }
    String version = top.asText(schema, "schema");
    if (version != null && !SCHEMA.equals(version)) {
      problems.add(
          new Problem(
              schema.location(),
              "unsupported schema '" + version + "'; this version reads " + SCHEMA));
      return null;
    }
    return root;
  }

  private void checkReferences(
      Rollout rollout, List<PrDefinition> prs, List<RuleReader> readers, List<Problem> problems) {
    Set<String> prIds = new java.util.HashSet<>();
    for (PrDefinition pr : prs) {
      if (!prIds.add(pr.id())) {
        problems.add(new Problem(pr.location(), "duplicate PR id '" + pr.id() + "'"));
      }
    }
    Set<String> laneIds =
        rollout.lanes().stream().map(Rollout.Lane::id).collect(Collectors.toSet());
    Set<String> causeIds =
        rollout.failureModes().stream().map(FailureMode::id).collect(Collectors.toSet());
    for (RuleReader reader : readers) {
      for (var lane : reader.laneReferences) {
        if (!laneIds.contains(lane.name()) && !rollout.hostedLabels().contains(lane.name())) {
          problems.add(
              new Problem(
                  lane.location(),
                  "unknown lane '"
                      + lane.name()
                      + "'; the rollout declares "
                      + String.join(", ", sorted(laneIds))
                      + (rollout.hostedLabels().isEmpty()
                          ? ""
                          : " and hosted labels " + String.join(", ", rollout.hostedLabels()))));
        }
      }
      for (var cause : reader.causeReferences) {
        if (!causeIds.contains(cause.name())) {
          problems.add(
              new Problem(
                  cause.location(),
                  "unknown failure mode '"
                      + cause.name()
                      + "'; the rollout declares "
                      + String.join(", ", sorted(causeIds))));
        }
      }
      for (var gate : reader.gateReferences) {
        if (!prIds.contains(gate.name())) {
          problems.add(
              new Problem(gate.location(), "gate_status names unknown PR '" + gate.name() + "'"));
        }
      }
    }
    for (RuleReader reader : readers) {
      for (var after : reader.afterReferences) {
        if (!prIds.contains(after.name())) {
          problems.add(
              new Problem(
                  after.location(),
                  "'after' names unknown PR '"
                      + after.name()
                      + "'; defined: "
                      + String.join(", ", sorted(prIds))));
        }
      }
    }
    for (PrDefinition pr : prs) {
      for (StopCondition stop : pr.stopConditions()) {
        for (String blocked : stop.blocks()) {
          if (!prIds.contains(blocked)) {
            problems.add(
                new Problem(
                    stop.location(),
                    "stop condition '" + stop.id() + "' blocks unknown PR '" + blocked + "'"));
          }
        }
        for (String mode : stop.failureModes()) {
          if (!causeIds.contains(mode)) {
            problems.add(new Problem(stop.location(), "unknown failure mode '" + mode + "'"));
          }
        }
      }
      for (String mode : pr.failureModes()) {
        if (!causeIds.contains(mode)) {
          problems.add(new Problem(pr.location(), "unknown failure mode '" + mode + "'"));
        }
      }
    }
  }

  /**
   * Orders PRs so that each comes after every PR it waits for ({@code after}) or whose gate it
   * reads ({@code gate_status}); ties keep the rollout file's order. A cycle is a problem naming
   * its members.
   */
  private List<PrDefinition> rolloutOrder(
      List<PrDefinition> prs, Map<String, Location> afterAt, List<Problem> problems) {
    Map<String, PrDefinition> byId = new LinkedHashMap<>();
    prs.forEach(pr -> byId.putIfAbsent(pr.id(), pr));
    Map<String, Set<String>> dependsOn = new HashMap<>();
    for (PrDefinition pr : prs) {
      Set<String> deps = new java.util.LinkedHashSet<>(pr.after());
      Rules.walk(
          pr,
          rule -> {
            if (rule instanceof Rule.GateStatus status && status.pr() != null) {
              deps.add(status.pr());
            }
          });
      dependsOn.put(pr.id(), deps);
    }
    // A PR blocked by another's stop condition is judged after it.
    for (PrDefinition pr : prs) {
      for (StopCondition stop : pr.stopConditions()) {
        for (String blocked : stop.blocks()) {
          if (dependsOn.containsKey(blocked) && !blocked.equals(pr.id())) {
            dependsOn.get(blocked).add(pr.id());
          }
        }
      }
    }
    dependsOn.values().forEach(deps -> deps.retainAll(byId.keySet()));
    List<PrDefinition> ordered = new ArrayList<>();
    Map<String, Integer> state = new HashMap<>(); // 1 = visiting, 2 = done
    for (PrDefinition pr : byId.values()) {
      visit(pr.id(), byId, dependsOn, afterAt, state, ordered, new ArrayList<>(), problems);
    }
    return List.copyOf(ordered);
  }

  private void visit(
      String id,
      Map<String, PrDefinition> byId,
      Map<String, Set<String>> dependsOn,
      Map<String, Location> afterAt,
      Map<String, Integer> state,
      List<PrDefinition> ordered,
      List<String> path,
      List<Problem> problems) {
    Integer seen = state.get(id);
    if (seen != null) {
      if (seen == 1) {
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
        cycle.add(id);
        problems.add(
            new Problem(
                afterAt.getOrDefault(id, byId.get(id).location()),
                "PR order has a cycle: " + String.join(" -> ", cycle)));
      }
      return;
    }
    state.put(id, 1);
    path.add(id);
    for (String dep : dependsOn.get(id)) {
      visit(dep, byId, dependsOn, afterAt, state, ordered, path, problems);
    }
    path.remove(path.size() - 1);
    state.put(id, 2);
    ordered.add(byId.get(id));
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
