package io.flywheelgates.definition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds {@code rollout.yaml}: its lanes, defaults, hosted labels, failure modes and the list of PR
 * files.
 */
final class RolloutReader {
  record PrFile(String name, Location location) {}

  private final List<Problem> problems;
  private final List<PrFile> prFiles = new ArrayList<>();

  RolloutReader(List<Problem> problems) {
    this.problems = problems;
  }

  List<PrFile> prFiles() {
    return prFiles;
  }

  Rollout read(YamlNode root) {
    MappingReader map = MappingReader.of(root, "the rollout file", problems);
    if (map == null) {
      return null;
    }
    map.node("schema");
    String kind = map.requiredText("kind");
    if (kind != null && !kind.equals("rollout")) {
      problems.add(
          new Problem(
              map.keyLocation("kind"),
              "the rollout file must have 'kind: rollout', found '" + kind + "'"));
    }
    String name = map.requiredText("name");
    YamlNode prsNode = map.required("prs");
    if (prsNode instanceof YamlNode.Sequence sequence) {
      for (YamlNode item : sequence.items()) {
        String file = map.asText(item, "prs item");
        if (file != null) {
          prFiles.add(new PrFile(file, item.location()));
        }
      }
    } else if (prsNode != null) {
      problems.add(
          new Problem(
              prsNode.location(),
              "'prs' must be a list of PR gate files, found " + prsNode.describe()));
    }

    String defaultBranch = "main";
    List<String> events = List.of("push", "schedule", "workflow_dispatch");
    int repeated = 3;
    YamlNode defaultsNode = map.node("defaults");
    if (defaultsNode != null) {
      MappingReader defaults = MappingReader.of(defaultsNode, "'defaults'", problems);
      if (defaults != null) {
        String branch = defaults.text("default_branch");
        defaultBranch = branch != null ? branch : defaultBranch;
        if (defaults.has("default_branch_events")) {
          events = defaults.textList("default_branch_events");
        } else {
          defaults.node("default_branch_events");
        }
        Integer count = defaults.positiveInt("repeated_failures");
        repeated = count != null ? count : repeated;
        defaults.finish();
      }
    }

    List<Rollout.Lane> lanes = new ArrayList<>();
    Set<String> laneIds = new HashSet<>();
    for (YamlNode laneNode : map.list("lanes")) {
      MappingReader lane = MappingReader.of(laneNode, "a lane", problems);
      if (lane == null) {
        continue;
      }
      String id = lane.requiredText("id");
      String describe = lane.requiredText("describe");
      lane.finish();
      if (id != null && !laneIds.add(id)) {
        problems.add(new Problem(lane.location(), "duplicate lane '" + id + "'"));
      }
      lanes.add(new Rollout.Lane(id, describe));
    }

    List<String> hostedLabels = List.of();
    String hostedGroup = "GitHub Actions";
    YamlNode hostedNode = map.node("hosted");
    if (hostedNode != null) {
      MappingReader hosted = MappingReader.of(hostedNode, "'hosted'", problems);
      if (hosted != null) {
        hostedLabels = hosted.textList("labels");
        String group = hosted.text("runner_group");
        hostedGroup = group != null ? group : hostedGroup;
        hosted.finish();
      }
    }

    List<FailureMode> modes = new ArrayList<>();
    Set<String> modeIds = new HashSet<>();
    for (YamlNode modeNode : map.list("failure_modes")) {
      FailureMode mode = failureMode(modeNode);
      if (mode != null && !modeIds.add(mode.id())) {
        problems.add(
            new Problem(modeNode.location(), "duplicate failure mode '" + mode.id() + "'"));
      }
      if (mode != null) {
        modes.add(mode);
      }
    }
    YamlNode scorecardNode = map.node("scorecard");
    ScorecardDefinition scorecard =
        scorecardNode == null ? null : new ScorecardReader(problems).read(scorecardNode);
    map.finish();
    return new Rollout(
        name,
        defaultBranch,
        events,
        repeated,
        List.copyOf(lanes),
        hostedLabels,
        hostedGroup,
        List.copyOf(modes),
        scorecard);
  }

  private FailureMode failureMode(YamlNode node) {
    MappingReader map = MappingReader.of(node, "a failure mode", problems);
    if (map == null) {
      return null;
    }
    String id = map.requiredText("id");
    String name = map.requiredText("name");
    String noteRef = map.text("note");
    List<String> symptoms = map.textList("symptoms");
    String interpretation = map.requiredText("interpretation");
    List<String> response = map.textList("response");
    List<Pattern> logPatterns = map.patternList("log_patterns");
    List<Pattern> stepPatterns = map.patternList("failed_step_patterns");
    Pattern envDumpMarker = map.pattern("env_dump_marker");
    List<String> envMustHave = map.textList("env_must_have");
    if (envDumpMarker == null && !envMustHave.isEmpty()) {
      problems.add(
          new Problem(
              map.location(),
              "'env_must_have' needs 'env_dump_marker': the line that shows a job printed its environment"));
    }
    map.finish();
    if (id == null || name == null || interpretation == null) {
      return null;
    }
    return new FailureMode(
        id,
        name,
        noteRef,
        symptoms,
        interpretation,
        response,
        logPatterns,
        stepPatterns,
        envDumpMarker,
        envMustHave);
  }
}
