package io.flywheelgates.github;

import com.fasterxml.jackson.databind.JsonNode;
import io.flywheelgates.facts.FileFact;
import io.flywheelgates.facts.JobFact;
import io.flywheelgates.facts.PullRequestFact;
import io.flywheelgates.facts.RunFact;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** GitHub's JSON shapes, turned into our records here and nowhere else. */
final class GitHubMapping {
  private GitHubMapping() {}

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  static Instant instant(JsonNode node, String field) {
    String text = text(node, field);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new GitHubException.Unobtainable(
          "GitHub sent an unreadable time in '" + field + "': " + text);
    }
  }

  static PullRequestFact pullRequest(JsonNode pr, List<String> files) {
    boolean merged = pr.path("merged").asBoolean(false) || text(pr, "merged_at") != null;
    return new PullRequestFact(
        pr.path("number").asInt(),
        text(pr, "title"),
        text(pr, "state"),
        merged,
        instant(pr, "merged_at"),
        text(pr, "merge_commit_sha"),
        text(pr.path("head"), "ref"),
        text(pr.path("base"), "ref"),
        text(pr, "html_url"),
        files);
  }

  /** GitHub answered 404: recorded, so that the rule can say so rather than call it ungathered. */
  static PullRequestFact missingPullRequest(int number) {
    return new PullRequestFact(
        number, null, PullRequestFact.NOT_FOUND, false, null, null, null, null, null, null);
  }

  static FileFact file(JsonNode body, String path, String ref) {
    String content = null;
    if ("base64".equals(text(body, "encoding")) && text(body, "content") != null) {
      content =
          new String(Base64.getMimeDecoder().decode(text(body, "content")), StandardCharsets.UTF_8);
    }
    return new FileFact(path, ref, true, text(body, "sha"), text(body, "html_url"), content);
  }

  static RunFact run(JsonNode run) {
    return new RunFact(
        run.path("id").asLong(),
        text(run, "name"),
        text(run, "head_branch"),
        text(run, "head_sha"),
        text(run, "event"),
        text(run, "status"),
        text(run, "conclusion"),
        run.path("run_attempt").asInt(1),
        instant(run, "created_at"),
        text(run, "html_url"),
        null);
  }

  static JobFact job(JsonNode job) {
    List<String> labels = new ArrayList<>();
    job.path("labels").forEach(label -> labels.add(label.asText()));
    List<JobFact.StepFact> steps = new ArrayList<>();
    job.path("steps")
        .forEach(
            step ->
                steps.add(
                    new JobFact.StepFact(
                        step.path("number").asInt(),
                        text(step, "name"),
                        text(step, "status"),
                        text(step, "conclusion"))));
    return new JobFact(
        job.path("id").asLong(),
        text(job, "name"),
        text(job, "status"),
        text(job, "conclusion"),
        labels,
        text(job, "runner_name"),
        text(job, "runner_group_name"),
        instant(job, "started_at"),
        instant(job, "completed_at"),
        text(job, "html_url"),
        steps,
        null);
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper EXCERPTS =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** A log excerpt as cached: {"total_lines": n, "lines": [[number, text], ...]}. */
  static String excerptJson(io.flywheelgates.facts.LogExcerpt excerpt) {
    var root = EXCERPTS.createObjectNode();
    root.put("total_lines", excerpt.totalLines());
    var lines = root.putArray("lines");
    excerpt.lines().forEach(line -> lines.addArray().add(line.number()).add(line.text()));
    return root.toString();
  }

  static io.flywheelgates.facts.LogExcerpt excerpt(String json) {
    try {
      JsonNode root = EXCERPTS.readTree(json);
      List<io.flywheelgates.facts.LogExcerpt.Line> lines = new ArrayList<>();
      root.path("lines")
          .forEach(
              line ->
                  lines.add(
                      new io.flywheelgates.facts.LogExcerpt.Line(
                          line.path(0).asLong(), line.path(1).asText())));
      return new io.flywheelgates.facts.LogExcerpt(lines, root.path("total_lines").asLong());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new GitHubException.Unobtainable("a cached log excerpt was unreadable");
    }
  }
}
