package io.flywheelgates.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flywheelgates.verdict.Evidence;
import io.flywheelgates.verdict.RepoClassification;
import io.flywheelgates.verdict.Scorecard;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The computed scorecard as text for a person, as Markdown in the shape GloriousFlywheel publishes
 * (so it can be committed and later checked with {@code scorecard --check}), or as JSON ({@value
 * #SCHEMA}).
 */
public final class ScorecardRenderer {
  public static final String SCHEMA = "flywheel-gates/scorecard@1";
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String DOGFOOD_RULE = "Tier 3 + Tier 4 over the active set";

  public void text(Scorecard scorecard, PrintWriter out) {
    int meaningWidth = "Meaning".length();
    for (Scorecard.Row row : scorecard.rows()) {
      meaningWidth = Math.max(meaningWidth, row.meaning().length());
    }
    String format = "%-7s %-" + meaningWidth + "s  %5s  %s%n";
    out.printf(format, "Tier", "Meaning", "Count", "Repos");
    for (Scorecard.Row row : scorecard.rows()) {
      out.printf(
          format,
          row.label(),
          row.meaning(),
          row.repos().size(),
          row.repos().isEmpty() ? "-" : String.join(", ", row.repos()));
    }
    out.println();
    out.println("Runner dogfood: " + dogfood(scorecard));
    for (RepoClassification repo : scorecard.repos()) {
      out.println();
      out.println(
          repo.repo()
              + ": "
              + repo.tierLabel()
              + (repo.meaning() == null ? "" : " (" + repo.meaning() + ")")
              + (repo.counted() ? ", counted as runner dogfood" : ""));
      out.println("  " + repo.summary());
      // The promotion conditions matter where runner dogfood is claimed or proven.
      String intent = repo.signals().get("intent");
      boolean claims =
          "repo_owned".equals(intent)
              || "shared".equals(intent)
              || "true".equals(repo.signals().get("proven"));
      if (claims && !repo.promotion().isEmpty()) {
        List<String> conditions = new ArrayList<>();
        repo.promotion().forEach(c -> conditions.add((c.holds() ? "[x] " : "[ ] ") + c.name()));
        out.println("  promotion: " + String.join(", ", conditions));
      }
      for (Evidence evidence : repo.evidence()) {
        out.println("  evidence: " + evidenceText(evidence));
      }
    }
    if (scorecard.comparison() != null) {
      out.println();
      comparisonText(scorecard.comparison(), out);
    }
    out.flush();
  }

  private static void comparisonText(Scorecard.Comparison comparison, PrintWriter out) {
    if (comparison.divergences().isEmpty() && comparison.undecided().isEmpty()) {
      out.println(comparison.published() + " matches the evidence.");
      return;
    }
    if (!comparison.divergences().isEmpty()) {
      out.println(
          comparison.published()
              + " diverges from the evidence ("
              + comparison.divergences().size()
              + "):");
      for (Scorecard.Divergence divergence : comparison.divergences()) {
        out.println("  - " + divergence.kind() + ": " + divergence.summary());
      }
    }
    if (!comparison.undecided().isEmpty()) {
      out.println("Not compared (evidence could not be read):");
      comparison.undecided().forEach(why -> out.println("  - " + why));
    }
  }

  /** "3 of 14 (21%)", with the unclassified said out loud: they are not guessed. */
  private static String dogfood(Scorecard scorecard) {
    int unclassified = scorecard.unclassified().size();
    return (unclassified == 0 ? "" : "at least ")
        + scorecard.dogfoodLine()
        + ": "
        + DOGFOOD_RULE
        + (unclassified == 0
            ? ""
            : "; " + unclassified + " unclassified (their evidence could not be read)");
  }

  private static String evidenceText(Evidence evidence) {
    String what =
        switch (evidence.kind()) {
          case "file" ->
              evidence.attribute("path") + " (blob " + shortSha(evidence.attribute("sha")) + ")";
          case "run" ->
              "run "
                  + evidence.attribute("run_id")
                  + ", "
                  + evidence.attribute("job")
                  + " on "
                  + evidence.attribute("runner_name");
          case "pull_request" ->
              "pull request #"
                  + evidence.attribute("number")
                  + " ("
                  + evidence.attribute("state")
                  + ")";
          default -> evidence.kind();
        };
    return what + (evidence.url() == null ? "" : " " + evidence.url());
  }

  public void markdown(Scorecard scorecard, PrintWriter out) {
    out.println("| Tier | Meaning | Repos | Count |");
    out.println("|---|---|---|---|");
    for (Scorecard.Row row : scorecard.rows()) {
      out.println(
          "| "
              + row.label()
              + " | "
              + cell(row.meaning())
              + " | "
              + (row.repos().isEmpty()
                  ? "-"
                  : String.join(", ", row.repos().stream().map(r -> "`" + r + "`").toList()))
              + " | "
              + row.repos().size()
              + " |");
    }
    out.println();
    out.println("Runner dogfood: " + dogfood(scorecard) + ".");
    out.println();
    out.println("| Repo | Tier | Why | Evidence |");
    out.println("|---|---|---|---|");
    for (RepoClassification repo : scorecard.repos()) {
      List<String> links = new ArrayList<>();
      for (Evidence evidence : repo.evidence()) {
        String label =
            switch (evidence.kind()) {
              case "file" ->
                  evidence.attribute("path").replaceFirst("^\\.github/workflows/", "")
                      + "@"
                      + shortSha(evidence.attribute("sha"));
              case "run" -> "run " + evidence.attribute("run_id");
              case "pull_request" -> "PR #" + evidence.attribute("number");
              default -> evidence.kind().replace('_', ' ');
            };
        links.add(evidence.url() == null ? label : "[" + label + "](" + evidence.url() + ")");
      }
      out.println(
          "| `"
              + repo.repo()
              + "` | "
              + repo.tierLabel()
              + " | "
              + cell(repo.summary())
              + " | "
              + (links.isEmpty() ? "-" : String.join(", ", links))
              + " |");
    }
    if (scorecard.comparison() != null) {
      out.println();
      Scorecard.Comparison comparison = scorecard.comparison();
      if (comparison.matches()) {
        out.println("`" + comparison.published() + "` matches the evidence.");
      } else {
        out.println("Divergences from `" + comparison.published() + "`:");
        out.println();
        comparison
            .divergences()
            .forEach(d -> out.println("- **" + d.kind() + "**: " + cell(d.summary())));
        comparison.undecided().forEach(why -> out.println("- not compared: " + cell(why)));
      }
    }
    out.flush();
  }

  public void json(Scorecard scorecard, PrintWriter out) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("evaluated_at", scorecard.evaluatedAt().toString());
    JsonRenderer.source(root, scorecard.source());
    ArrayNode rows = root.putArray("rows");
    for (Scorecard.Row row : scorecard.rows()) {
      ObjectNode node = rows.addObject();
      node.put("tier", row.tier());
      node.put("meaning", row.meaning());
      node.put("dogfood", row.dogfood());
      row.repos().forEach(node.putArray("repos")::add);
      node.put("count", row.repos().size());
    }
    ObjectNode dogfood = root.putObject("runner_dogfood");
    dogfood.put("counted", scorecard.counted());
    dogfood.put("active_set", scorecard.activeSet());
    dogfood.put("percent", scorecard.percent());
    dogfood.put("unclassified", scorecard.unclassified().size());
    ArrayNode repos = root.putArray("repos");
    for (RepoClassification repo : scorecard.repos()) {
      ObjectNode node = repos.addObject();
      node.put("repo", repo.repo());
      node.put("tier", repo.tier());
      node.put("meaning", repo.meaning());
      node.put("counted", repo.counted());
      node.put("summary", repo.summary());
      ObjectNode signals = node.putObject("signals");
      repo.signals().entrySet().stream()
          .sorted(java.util.Map.Entry.comparingByKey())
          .forEach(signal -> signals.put(signal.getKey(), signal.getValue()));
      ArrayNode promotion = node.putArray("promotion");
      for (RepoClassification.Condition condition : repo.promotion()) {
        ObjectNode item = promotion.addObject();
        item.put("condition", condition.name());
        item.put("holds", condition.holds());
        item.put("detail", condition.detail());
      }
      node.put("drift", repo.drift());
      JsonRenderer.evidence(node.putArray("evidence"), repo.evidence());
    }
    if (scorecard.comparison() == null) {
      root.putNull("comparison");
    } else {
      Scorecard.Comparison comparison = scorecard.comparison();
      ObjectNode node = root.putObject("comparison");
      node.put("published", comparison.published());
      node.put("matches", comparison.matches());
      ArrayNode divergences = node.putArray("divergences");
      for (Scorecard.Divergence divergence : comparison.divergences()) {
        ObjectNode item = divergences.addObject();
        item.put("kind", divergence.kind());
        item.put("repo", divergence.repo());
        item.put("summary", divergence.summary());
        JsonRenderer.evidence(item.putArray("evidence"), divergence.evidence());
      }
      comparison.undecided().forEach(node.putArray("undecided")::add);
    }
    try {
      out.println(MAPPER.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  private static String shortSha(String sha) {
    return sha == null ? "?" : sha.substring(0, Math.min(7, sha.length()));
  }
}
