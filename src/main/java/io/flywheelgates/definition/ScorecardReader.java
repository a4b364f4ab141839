package io.flywheelgates.definition;

import io.flywheelgates.definition.ScorecardDefinition.ActiveRepo;
import io.flywheelgates.definition.ScorecardDefinition.ExceptionClass;
import io.flywheelgates.definition.ScorecardDefinition.HostedException;
import io.flywheelgates.definition.ScorecardDefinition.Signal;
import io.flywheelgates.definition.ScorecardDefinition.Tier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Binds the rollout file's {@code scorecard} section. */
final class ScorecardReader {
  private final List<Problem> problems;

  ScorecardReader(List<Problem> problems) {
    this.problems = problems;
  }

  ScorecardDefinition read(YamlNode node) {
    MappingReader map = MappingReader.of(node, "'scorecard'", problems);
    if (map == null) {
      return null;
    }
    ScorecardDefinition.Published published = published(map.required("published"));
    String laneOwner = repo(map, map.text("lane_owner"));
    Pattern template = map.pattern("template");
    Pattern authority = map.pattern("authority");
    Pattern cache = map.pattern("cache");
    List<ActiveRepo> activeSet = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (YamlNode item : map.list("active_set")) {
      ActiveRepo active = activeRepo(item);
      if (active != null && !seen.add(active.repo().toLowerCase(Locale.ROOT))) {
        problems.add(
            new Problem(item.location(), "'" + active.repo() + "' is in the active set twice"));
      } else if (active != null) {
        activeSet.add(active);
      }
    }
    List<Tier> tiers = new ArrayList<>();
    Set<String> tierIds = new HashSet<>();
    for (YamlNode item : map.list("tiers")) {
      Tier tier = tier(item);
      if (tier != null && !tierIds.add(tier.id().toLowerCase(Locale.ROOT))) {
        problems.add(new Problem(item.location(), "duplicate tier '" + tier.id() + "'"));
      } else if (tier != null) {
        tiers.add(tier);
      }
    }
    if (map.has("tiers") && tiers.isEmpty()) {
      problems.add(new Problem(map.keyLocation("tiers"), "'tiers' needs at least one tier"));
    } else if (!map.has("tiers")) {
      problems.add(new Problem(map.location(), "missing required key 'tiers'"));
    }
    if (template == null && !map.has("template")) {
      problems.add(
          new Problem(
              map.location(), "missing required key 'template' (the shared template's 'uses')"));
    }
    map.finish();
    if (published == null || template == null || tiers.isEmpty()) {
      return null;
    }
    return new ScorecardDefinition(
        published,
        laneOwner,
        template,
        authority != null ? authority : Pattern.compile("(?i)deploy|release"),
        cache != null ? cache : Pattern.compile("(?!)"),
        List.copyOf(activeSet),
        List.copyOf(tiers));
  }

  private ScorecardDefinition.Published published(YamlNode node) {
    if (node == null) {
      return null;
    }
    MappingReader map = MappingReader.of(node, "'published'", problems);
    if (map == null) {
      return null;
    }
    String repo = repo(map, map.requiredText("repo"));
    String path = map.requiredText("path");
    map.finish();
    return repo == null || path == null ? null : new ScorecardDefinition.Published(repo, path);
  }

  /** {@code owner/name}, or a mapping with {@code repo} and its {@code exceptions}. */
  private ActiveRepo activeRepo(YamlNode node) {
    if (node instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
      String repo = scalar.text();
      if (!MappingReader.isOwnerName(repo)) {
        problems.add(
            new Problem(
                node.location(), "an active-set repo must be owner/name, found '" + repo + "'"));
        return null;
      }
      return new ActiveRepo(repo, List.of());
    }
    MappingReader map = MappingReader.of(node, "an active-set entry", problems);
    if (map == null) {
      return null;
    }
    String repo = repo(map, map.requiredText("repo"));
    List<HostedException> exceptions = new ArrayList<>();
    for (YamlNode item : map.list("exceptions")) {
      HostedException exception = exception(item);
      if (exception != null) {
        exceptions.add(exception);
      }
    }
    map.finish();
    return repo == null ? null : new ActiveRepo(repo, List.copyOf(exceptions));
  }

  private HostedException exception(YamlNode node) {
    MappingReader map = MappingReader.of(node, "a hosted exception", problems);
    if (map == null) {
      return null;
    }
    String workflow = map.requiredText("workflow");
    String job = map.text("job");
    String classText = map.requiredText("class");
    String why = map.requiredText("why");
    map.finish();
    ExceptionClass exceptionClass = null;
    if (classText != null) {
      try {
        exceptionClass = ExceptionClass.valueOf(classText);
      } catch (IllegalArgumentException e) {
        problems.add(
            new Problem(
                map.location(),
                "'class' must be A (durable policy), B (bounded external authority) or C"
                    + " (claim-breaking drift), found '"
                    + classText
                    + "'"));
      }
    }
    if (workflow == null || exceptionClass == null || why == null) {
      return null;
    }
    return new HostedException(RuleReader.workflowPath(workflow), job, exceptionClass, why);
  }

  private Tier tier(YamlNode node) {
    MappingReader map = MappingReader.of(node, "a tier", problems);
    if (map == null) {
      return null;
    }
    String id = map.requiredText("tier");
    String meaning = map.requiredText("meaning");
    Boolean dogfood = map.bool("dogfood");
    Map<Signal, Set<String>> when = new EnumMap<>(Signal.class);
    YamlNode whenNode = map.required("when");
    MappingReader conditions =
        whenNode == null ? null : MappingReader.of(whenNode, "a tier's 'when'", problems);
    if (conditions != null) {
      for (String key : conditions.keys()) {
        Signal signal = Signal.of(key).orElse(null);
        YamlNode value = conditions.node(key);
        if (signal == null) {
          problems.add(
              new Problem(
                  conditions.keyLocation(key),
                  "unknown signal '"
                      + key
                      + "'; a tier's 'when' may use "
                      + String.join(
                          ", ", Arrays.stream(Signal.values()).map(s -> s.key).toList())));
          continue;
        }
        Set<String> values = values(signal, value);
        if (values != null) {
          when.put(signal, values);
        }
      }
    }
    map.finish();
    if (id == null || meaning == null) {
      return null;
    }
    return new Tier(id, meaning, Map.copyOf(when), Boolean.TRUE.equals(dogfood));
  }

  /** One value or a list of them, each one the signal can take. */
  private Set<String> values(Signal signal, YamlNode node) {
    List<YamlNode> items =
        node instanceof YamlNode.Sequence sequence ? sequence.items() : List.of(node);
    Set<String> values = new LinkedHashSet<>();
    for (YamlNode item : items) {
      if (!(item instanceof YamlNode.Scalar scalar) || scalar.isNull()) {
        problems.add(
            new Problem(item.location(), "'" + signal.key + "' takes a value or a list of values"));
        return null;
      }
      if (!signal.values.contains(scalar.text())) {
        problems.add(
            new Problem(
                item.location(),
                "'"
                    + signal.key
                    + "' cannot be '"
                    + scalar.text()
                    + "'; it is one of "
                    + String.join(", ", signal.values.stream().sorted().toList())));
        return null;
      }
      values.add(scalar.text());
    }
    return Set.copyOf(values);
  }

  private String repo(MappingReader map, String repo) {
    if (repo != null && !MappingReader.isOwnerName(repo)) {
      problems.add(new Problem(map.location(), "'repo' must be owner/name, found '" + repo + "'"));
      return null;
    }
    return repo;
  }
}
