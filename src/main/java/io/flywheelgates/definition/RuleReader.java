package io.flywheelgates.definition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds rule mappings ({@code id}, {@code describe} and exactly one rule kind) for one PR file,
 * resolving the file's defaults: its repo, its pull request, the rollout's branch events and repeat
 * count.
 */
final class RuleReader {
  static final List<String> KINDS =
      List.of(
          "pr_merged",
          "file_exists",
          "file_matches",
          "workflow_calls",
          "runs_real_commands",
          "workflow_runs",
          "success_ratio",
          "gate_status",
          "attestation",
          "classified",
          "scorecard_matches",
          "scorecard_diverges",
          "counted_repos_stable",
          "all_of",
          "any_of",
          "not");

  private final List<Problem> problems;
  private final String repo;
  private final PullRequestRef pullRequest;
  private final Rollout rollout;
  private final Set<String> ids = new HashSet<>();

  /**
   * Lane and PR names are checked once every file is read; kept here with where they were written.
   */
  final List<Reference> laneReferences = new ArrayList<>();

  final List<Reference> causeReferences = new ArrayList<>();
  final List<Reference> gateReferences = new ArrayList<>();

  /** The PRs this file waits for, where its 'after' names them. */
  final List<Reference> afterReferences = new ArrayList<>();

  record Reference(String name, Location location) {}

  RuleReader(List<Problem> problems, String repo, PullRequestRef pullRequest, Rollout rollout) {
    this.problems = problems;
    this.repo = repo;
    this.pullRequest = pullRequest;
    this.rollout = rollout;
  }

  /** Claims an id for this file; a second rule or stop condition with the same id is a problem. */
  void claimId(String id, Location location) {
    if (id != null && !ids.add(id)) {
      problems.add(new Problem(location, "duplicate id '" + id + "' in this file"));
    }
  }

  /** A top-level rule: {@code id} and {@code describe} are required. */
  Rule read(YamlNode node) {
    return read(node, null);
  }

  /**
   * A rule that belongs to something named (a stop condition's {@code when}): id and describe are
   * optional.
   */
  Rule readNested(YamlNode node, String parentId) {
    return read(node, parentId);
  }

  private Rule read(YamlNode node, String parentId) {
    MappingReader map = MappingReader.of(node, "a rule", problems);
    if (map == null) {
      return null;
    }
    String id;
    String describe;
    if (parentId == null) {
      id = map.requiredText("id");
      describe = map.requiredText("describe");
    } else {
      id = map.text("id");
      describe = map.text("describe");
    }
    claimId(id, map.location());
    List<String> kinds =
        map.keys().stream().filter(key -> !key.equals("id") && !key.equals("describe")).toList();
    for (String key : kinds) {
      if (!KINDS.contains(key)) {
        map.node(key);
        String guess = closest(key);
        problems.add(
            new Problem(
                map.keyLocation(key),
                "unknown rule kind '"
                    + key
                    + "'"
                    + (guess != null ? " (did you mean '" + guess + "'?)" : "")
                    + "; a rule has id, describe and one of: "
                    + String.join(", ", KINDS)));
      }
    }
    List<String> known = kinds.stream().filter(KINDS::contains).toList();
    known.forEach(map::node);
    YamlNode body = known.size() == 1 ? map.node(known.get(0)) : null;
    map.finish();
    if (known.size() != 1) {
      if (known.isEmpty() && kinds.stream().allMatch(KINDS::contains)) {
        problems.add(
            new Problem(
                map.location(),
                "a rule needs exactly one kind, found none; known kinds: "
                    + String.join(", ", KINDS)));
      } else if (known.size() > 1) {
        problems.add(
            new Problem(
                map.location(),
                "a rule needs exactly one kind, found " + String.join(" and ", known)));
      }
      return null;
    }
    String kind = known.get(0);
    String effectiveId = id != null ? id : parentId;
    String effectiveDescribe = describe != null ? describe : kind.replace('_', ' ');
    return switch (kind) {
      case "all_of", "any_of" ->
          readGroup(kind, effectiveId, effectiveDescribe, map.location(), body);
      case "not" -> {
        Rule inner = read(body, effectiveId);
        yield inner == null
            ? null
            : new Rule.Not(effectiveId, effectiveDescribe, map.location(), inner);
      }
      default -> readLeaf(kind, effectiveId, effectiveDescribe, map.location(), body);
    };
  }

  private Rule readGroup(String kind, String id, String describe, Location at, YamlNode body) {
    if (!(body instanceof YamlNode.Sequence sequence) || sequence.items().isEmpty()) {
      problems.add(
          new Problem(
              body.location(),
              "'" + kind + "' must be a non-empty list of rules, found " + body.describe()));
      return null;
    }
    List<Rule> rules = new ArrayList<>();
    int index = 1;
    for (YamlNode item : sequence.items()) {
      Rule rule = read(item, id + "." + index++);
      if (rule != null) {
        rules.add(rule);
      }
    }
    if (rules.size() != sequence.items().size()) {
      return null;
    }
    return kind.equals("all_of")
        ? new Rule.AllOf(id, describe, at, List.copyOf(rules))
        : new Rule.AnyOf(id, describe, at, List.copyOf(rules));
  }

  private Rule readLeaf(String kind, String id, String describe, Location at, YamlNode body) {
    MappingReader map = MappingReader.of(body, "'" + kind + "'", problems);
    if (map == null) {
      return null;
    }
    int before = problems.size();
    Rule rule =
        switch (kind) {
          case "pr_merged" -> new Rule.PrMerged(id, describe, at, pullRequest(map));
          case "file_exists" ->
              new Rule.FileExists(
                  id, describe, at, repo(map), map.requiredText("path"), map.text("ref"));
          case "file_matches" ->
              new Rule.FileMatches(
                  id,
                  describe,
                  at,
                  repo(map),
                  map.requiredText("path"),
                  map.text("ref"),
                  requiredPattern(map, "pattern"));
          case "workflow_calls" -> workflowCalls(id, describe, at, map);
          case "runs_real_commands" ->
              new Rule.RunsRealCommands(
                  id,
                  describe,
                  at,
                  repo(map),
                  workflowPath(map.requiredText("workflow")),
                  lanes(map));
          case "workflow_runs" -> workflowRuns(id, describe, at, map);
          case "success_ratio" -> successRatio(id, describe, at, map);
          case "gate_status" -> gateStatus(id, describe, at, map);
          case "attestation" -> attestation(id, describe, at, map);
          case "classified" -> classified(id, describe, at, map);
          case "scorecard_matches" -> new Rule.ScorecardMatches(id, describe, scorecard(at));
          case "scorecard_diverges" -> new Rule.ScorecardDiverges(id, describe, scorecard(at));
          case "counted_repos_stable" -> new Rule.CountedReposStable(id, describe, scorecard(at));
          default -> throw new IllegalStateException("kind listed but not bound: " + kind);
        };
    map.finish();
    return problems.size() == before ? rule : null;
  }

  private String repo(MappingReader map) {
    String explicit = map.text("repo");
    if (explicit != null && !MappingReader.isOwnerName(explicit)) {
      problems.add(
          new Problem(map.location(), "'repo' must be owner/name, found '" + explicit + "'"));
    }
    return explicit != null ? explicit : repo;
  }

  private Pattern requiredPattern(MappingReader map, String key) {
    YamlNode node = map.required(key);
    return node == null ? null : map.asPattern(node, key);
  }

  /** {@code number: 7}, {@code touches: path}, or nothing: the PR file's own pull request. */
  private PullRequestRef pullRequest(MappingReader map) {
    String prRepo = repo(map);
    Integer number = map.positiveInt("number");
    String touches = map.text("touches");
    if (number != null && touches != null) {
      problems.add(new Problem(map.location(), "give either 'number' or 'touches', not both"));
    }
    if (number != null) {
      return PullRequestRef.byNumber(prRepo, number);
    }
    if (touches != null) {
      return PullRequestRef.touching(prRepo, touches);
    }
    if (pullRequest == null || !prRepo.equals(repo)) {
      problems.add(
          new Problem(
              map.location(),
              "name the pull request with 'number' or 'touches' (this file has no pull_request)"));
    }
    return pullRequest;
  }

  private Rule workflowCalls(String id, String describe, Location at, MappingReader map) {
    String workflowRepo = repo(map);
    String workflow = workflowPath(map.requiredText("workflow"));
    String job = map.text("job");
    Pattern uses = map.pattern("uses");
    Map<String, List<String>> with = new LinkedHashMap<>();
    YamlNode withNode = map.node("with");
    if (withNode != null) {
      MappingReader inputs = MappingReader.of(withNode, "'with'", problems);
      if (inputs != null) {
        for (String input : List.copyOf(inputs.keys())) {
          YamlNode value = inputs.node(input);
          with.put(input, allowedValues(inputs, input, value));
        }
        inputs.finish();
      }
    }
    List<String> runsOn = map.textList("runs_on");
    if (uses == null && runsOn.isEmpty()) {
      problems.add(
          new Problem(
              map.location(),
              "'workflow_calls' needs 'uses' (the reusable workflow) or 'runs_on'"));
    }
    return new Rule.WorkflowCalls(
        id, describe, at, workflowRepo, workflow, job, uses, with, runsOn);
  }

  /**
   * An input's allowed values: one text, or a list of them; {@code null} in the list allows the
   * input to be absent.
   */
  private List<String> allowedValues(MappingReader inputs, String input, YamlNode value) {
    if (value instanceof YamlNode.Sequence sequence) {
      List<String> values = new ArrayList<>();
      for (YamlNode item : sequence.items()) {
        if (item instanceof YamlNode.Scalar scalar && scalar.isNull()) {
          values.add(null);
        } else {
          values.add(inputs.asText(item, input));
        }
      }
      return java.util.Collections.unmodifiableList(values);
    }
    return java.util.Collections.singletonList(inputs.asText(value, input));
  }

  private Rule.RunFilter runFilter(MappingReader map) {
    String runsRepo = repo(map);
    String workflow = workflowPath(map.requiredText("workflow"));
    String branch = map.text("branch");
    if ("default".equals(branch)) {
      branch = null;
    }
    List<String> events = map.has("events") ? map.textList("events") : null;
    if (events == null) {
      map.node("events");
      events = branch == null ? rollout.defaultBranchEvents() : List.of();
    }
    return new Rule.RunFilter(runsRepo, workflow, branch, events, since(map));
  }

  /** {@code since: merged} (this file's pull request), {@code since: {pr: 7}}, or an instant. */
  private Since since(MappingReader map) {
    YamlNode node = map.node("since");
    if (node == null) {
      return null;
    }
    if (node instanceof YamlNode.Scalar scalar && "merged".equals(scalar.text())) {
      if (pullRequest == null) {
        problems.add(new Problem(node.location(), "'since: merged' needs the file's pull_request"));
      }
      return new Since.MergeOf(pullRequest);
    }
    if (node instanceof YamlNode.Mapping) {
      MappingReader ofPr = MappingReader.of(node, "'since'", problems);
      PullRequestRef ref = pullRequest(ofPr);
      ofPr.finish();
      return new Since.MergeOf(ref);
    }
    var instant = map.asInstant(node, "since");
    return instant == null ? null : new Since.At(instant);
  }

  private List<String> lanes(MappingReader map) {
    List<String> lanes = map.textList("lanes");
    for (String lane : lanes) {
      laneReferences.add(new Reference(lane, map.keyLocation("lanes")));
    }
    return lanes;
  }

  private Rule workflowRuns(String id, String describe, Location at, MappingReader map) {
    Rule.RunFilter filter = runFilter(map);
    String conclusionText = map.text("conclusion");
    Rule.RunConclusion conclusion = Rule.RunConclusion.SUCCESS;
    if ("failure".equals(conclusionText)) {
      conclusion = Rule.RunConclusion.FAILURE;
    } else if (conclusionText != null && !"success".equals(conclusionText)) {
      problems.add(
          new Problem(
              map.location(),
              "'conclusion' must be success or failure, found '" + conclusionText + "'"));
    }
    List<String> lanes = lanes(map);
    Integer count = map.positiveInt("count");
    Boolean consecutive = map.bool("consecutive");
    Set<String> causes = new java.util.LinkedHashSet<>(map.textList("causes"));
    for (String cause : causes) {
      causeReferences.add(new Reference(cause, map.keyLocation("causes")));
    }
    boolean isStreak = conclusion == Rule.RunConclusion.FAILURE;
    if (isStreak && Boolean.FALSE.equals(consecutive)) {
      problems.add(
          new Problem(
              map.location(),
              "'conclusion: failure' counts consecutive failures; drop 'consecutive: false'"));
    }
    if (!isStreak && (Boolean.TRUE.equals(consecutive) || !causes.isEmpty())) {
      problems.add(
          new Problem(
              map.location(), "'consecutive' and 'causes' apply only with 'conclusion: failure'"));
    }
    int effectiveCount = count != null ? count : isStreak ? rollout.repeatedFailures() : 1;
    return new Rule.WorkflowRuns(
        id, describe, at, filter, conclusion, lanes, effectiveCount, isStreak, Set.copyOf(causes));
  }

  private Rule successRatio(String id, String describe, Location at, MappingReader map) {
    Rule.RunFilter filter = runFilter(map);
    List<String> lanes = lanes(map);
    Integer last = map.positiveInt("last");
    if (last == null && !map.has("last")) {
      problems.add(new Problem(map.location(), "missing required key 'last'"));
    }
    Double minRatio = map.ratio("min_ratio");
    return new Rule.SuccessRatio(
        id, describe, at, filter, lanes, last == null ? 1 : last, minRatio == null ? 1 : minRatio);
  }

  private Rule gateStatus(String id, String describe, Location at, MappingReader map) {
    String pr = map.requiredText("pr");
    String gateText = map.requiredText("gate");
    GateType gate = null;
    for (GateType type : GateType.values()) {
      if (type.key().equals(gateText)) {
        gate = type;
      }
    }
    if (gateText != null && gate == null) {
      problems.add(
          new Problem(
              map.location(),
              "'gate' must be code, proof, stability or reporting, found '" + gateText + "'"));
    }
    if (pr != null) {
      gateReferences.add(new Reference(pr, map.location()));
    }
    return new Rule.GateStatus(id, describe, at, pr, gate);
  }

  /** Rules over the scorecard need the rollout file to define one. */
  private Location scorecard(Location at) {
    if (rollout.scorecard() == null) {
      problems.add(
          new Problem(
              at,
              "this rule reads the scorecard, but the rollout file has no 'scorecard' section"));
    }
    return at;
  }

  private Rule classified(String id, String describe, Location at, MappingReader map) {
    scorecard(at);
    String repoName = repo(map);
    Set<String> tiers = new java.util.LinkedHashSet<>();
    YamlNode tierNode = map.node("tier");
    List<YamlNode> items =
        tierNode == null
            ? List.of()
            : tierNode instanceof YamlNode.Sequence sequence ? sequence.items() : List.of(tierNode);
    for (YamlNode item : items) {
      String tier = map.asText(item, "tier");
      if (tier == null) {
        continue;
      }
      if (rollout.scorecard() != null && rollout.scorecard().tier(tier).isEmpty()) {
        problems.add(
            new Problem(
                item.location(),
                "unknown tier '"
                    + tier
                    + "'; the scorecard defines "
                    + String.join(
                        ", ",
                        rollout.scorecard().tiers().stream()
                            .map(ScorecardDefinition.Tier::id)
                            .toList())));
      } else if (rollout.scorecard() != null) {
        tiers.add(rollout.scorecard().tier(tier).orElseThrow().id());
      }
    }
    return new Rule.Classified(id, describe, at, repoName, Set.copyOf(tiers));
  }

  private Rule attestation(String id, String describe, Location at, MappingReader map) {
    String owner = map.requiredText("owner");
    String reason = map.requiredText("reason");
    var attestedAt = map.instant("attested_at");
    YamlNode expiresNode = map.required("expires");
    var expires = expiresNode == null ? null : map.asInstant(expiresNode, "expires");
    String link = map.requiredText("link");
    if (link != null && !link.startsWith("https://") && !link.startsWith("http://")) {
      problems.add(
          new Problem(
              map.location(), "'link' must be an http(s) URL to where the judgement is recorded"));
    }
    return new Rule.Attestation(id, describe, at, owner, reason, attestedAt, expires, link);
  }

  /** The known rule kind within two edits of a misspelt one, if any. */
  private static String closest(String key) {
    String best = null;
    int bestDistance = 3;
    for (String kind : KINDS) {
      int distance = editDistance(key, kind);
      if (distance < bestDistance) {
        best = kind;
        bestDistance = distance;
      }
    }
    return best;
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** Workflows are named by file; {@code ci.yml} means {@code .github/workflows/ci.yml}. */
  static String workflowPath(String workflow) {
    if (workflow == null || workflow.contains("/")) {
      return workflow;
    }
    return ".github/workflows/" + workflow;
  }
}
