package io.flywheelgates.definition;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Binds one PR gate file: its identity, four gates, stop conditions, rollback rules and failure
 * modes.
 */
final class PrReader {
  private final List<Problem> problems;
  private final Rollout rollout;
  private RuleReader rules;

  PrReader(List<Problem> problems, Rollout rollout) {
    this.problems = problems;
    this.rollout = rollout;
  }

  RuleReader rules() {
    return rules;
  }

  PrDefinition read(YamlNode root) {
    MappingReader map = MappingReader.of(root, "a PR gate file", problems);
    if (map == null) {
      return null;
    }
    int before = problems.size();
    map.node("schema");
    String kind = map.requiredText("kind");
    if (kind != null && !kind.equals("pr")) {
      problems.add(
          new Problem(
              map.keyLocation("kind"),
              "a PR gate file must have 'kind: pr', found '" + kind + "'"));
    }
    String id = map.requiredText("id");
    if (id != null && !id.matches("[a-z0-9][a-z0-9-]*")) {
      problems.add(
          new Problem(
              map.keyLocation("id"),
              "PR id must be lower-case letters, digits and '-', found '" + id + "'"));
    }
    String title = map.requiredText("title");
    String repo = map.requiredText("repo");
    if (repo != null && !MappingReader.isOwnerName(repo)) {
      problems.add(
          new Problem(map.keyLocation("repo"), "'repo' must be owner/name, found '" + repo + "'"));
    }
    PullRequestRef pullRequest = pullRequest(map, repo);
    List<String> after = map.textList("after");
    List<String> failureModes = map.textList("failure_modes");
    rules = new RuleReader(problems, repo, pullRequest, rollout);
    for (String earlier : after) {
      rules.afterReferences.add(new RuleReader.Reference(earlier, map.keyLocation("after")));
    }

    Map<GateType, List<Rule>> gates = new EnumMap<>(GateType.class);
    YamlNode gatesNode = map.required("gates");
    if (gatesNode != null) {
      MappingReader gateMap = MappingReader.of(gatesNode, "'gates'", problems);
      if (gateMap != null) {
        for (GateType type : GateType.values()) {
          List<Rule> gateRules = new ArrayList<>();
          List<YamlNode> ruleNodes = gateMap.list(type.key());
          if (ruleNodes.isEmpty() && type != GateType.REPORTING) {
            problems.add(
                new Problem(
                    gateMap.location(), "the " + type.key() + " gate needs at least one rule"));
          }
          for (YamlNode ruleNode : ruleNodes) {
            Rule rule = rules.read(ruleNode);
            if (rule != null) {
              gateRules.add(rule);
            }
          }
          gates.put(type, List.copyOf(gateRules));
        }
        gateMap.finish();
      }
    }

    List<StopCondition> stops = new ArrayList<>();
    for (YamlNode stopNode : map.list("stop_conditions")) {
      StopCondition stop = stopCondition(stopNode);
      if (stop != null) {
        stops.add(stop);
      }
    }
    List<String> rollback = map.textList("rollback");
    Rule classificationRow = null;
    YamlNode evidenceNode = map.node("evidence");
    if (evidenceNode != null) {
      MappingReader evidence = MappingReader.of(evidenceNode, "'evidence'", problems);
      if (evidence != null) {
        YamlNode rowNode = evidence.required("classification_row");
        classificationRow =
            rowNode == null ? null : rules.readNested(rowNode, "classification-row");
        evidence.finish();
      }
    }
    map.finish();
    if (problems.size() != before) {
      return null;
    }
    return new PrDefinition(
        id,
        title,
        repo,
        pullRequest,
        after,
        gates,
        List.copyOf(stops),
        rollback,
        failureModes,
        classificationRow,
        map.location());
  }

  /**
   * {@code pull_request: {number: 7}} or {@code {touches: path}}; absent for PRs with no single
   * pull request.
   */
  private PullRequestRef pullRequest(MappingReader map, String repo) {
    YamlNode node = map.node("pull_request");
    if (node == null || repo == null) {
      return null;
    }
    MappingReader ref = MappingReader.of(node, "'pull_request'", problems);
    if (ref == null) {
      return null;
    }
    Integer number = ref.positiveInt("number");
    String touches = ref.text("touches");
    ref.finish();
    if ((number == null) == (touches == null)) {
      problems.add(
          new Problem(ref.location(), "'pull_request' needs exactly one of 'number' or 'touches'"));
      return null;
    }
    return number != null
        ? PullRequestRef.byNumber(repo, number)
        : PullRequestRef.touching(repo, touches);
  }

  private StopCondition stopCondition(YamlNode node) {
    MappingReader map = MappingReader.of(node, "a stop condition", problems);
    if (map == null) {
      return null;
    }
    String id = map.requiredText("id");
    String describe = map.requiredText("describe");
    rules.claimId(id, map.location());
    YamlNode whenNode = map.required("when");
    Rule when = whenNode == null ? null : rules.readNested(whenNode, id == null ? "stop" : id);
    List<String> blocks = map.textList("blocks");
    List<String> response = map.textList("response");
    if (response.isEmpty()) {
      problems.add(
          new Problem(
              map.location(), "a stop condition needs a 'response': what to do when it fires"));
    }
    List<String> failureModes = map.textList("failure_modes");
    map.finish();
    if (id == null || describe == null || when == null) {
      return null;
    }
    return new StopCondition(id, describe, map.location(), when, blocks, response, failureModes);
  }
}
