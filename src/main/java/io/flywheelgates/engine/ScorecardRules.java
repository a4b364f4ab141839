package io.flywheelgates.engine;

import io.flywheelgates.definition.GateType;
import io.flywheelgates.definition.PrDefinition;
import io.flywheelgates.definition.Rule;
import io.flywheelgates.definition.ScorecardDefinition;
import io.flywheelgates.facts.FileFact;
import io.flywheelgates.verdict.Evidence;
import io.flywheelgates.verdict.GateResult;
import io.flywheelgates.verdict.PrResult;
import io.flywheelgates.verdict.RepoClassification;
import io.flywheelgates.verdict.Scorecard;
import io.flywheelgates.verdict.Scorecard.Divergence;
import io.flywheelgates.verdict.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules that read the scorecard: {@code classified}, {@code scorecard_matches}, {@code
 * scorecard_diverges} and {@code counted_repos_stable}.
 */
final class ScorecardRules {
  private final Scorecards scorecards;
  private final ScorecardComparison comparison;
  private final EvaluationContext context;
  private final TierClassifier tiers;
  private final ScorecardDefinition definition;

  ScorecardRules(EvaluationContext context) {
    this.scorecards = new Scorecards(context);
    this.comparison = new ScorecardComparison(scorecards);
    this.context = context;
    this.tiers = scorecards.tiers;
    this.definition = scorecards.definition;
  }

  /**
   * {@code classified}: the repo's computed tier is one the rule allows, and the published
   * scorecard lists it in that tier.
   */
  Finding classified(Rule.Classified rule) {
    RepoClassification repo = tiers.classify(rule.repo());
    if (!repo.classified()) {
      return Finding.error(
          rule.repo() + " is unclassified: " + repo.summary(),
          "readable evidence for " + rule.repo());
    }
    String computed = "Tier " + repo.tier() + " (" + repo.meaning() + ")";
    if (!rule.tiers().isEmpty() && !rule.tiers().contains(repo.tier())) {
      return Finding.fail(
          rule.repo() + " is " + computed + " by its evidence: " + repo.summary(),
          "evidence that puts " + rule.repo() + " in " + tierList(rule.tiers()),
          repo.evidence());
    }
    Scorecards.PublishedFile published = scorecards.publishedFile();
    if (published.problem() != null) {
      return Finding.error(published.problem(), "the published scorecard");
    }
    FileFact file = published.file();
    String path = definition.published().path();
    if (!file.exists() || file.content() == null) {
      return Finding.fail(
          "the published scorecard "
              + path
              + " does not exist; evidence puts "
              + rule.repo()
              + " in "
              + computed,
          "a published scorecard row for " + rule.repo() + " in Tier " + repo.tier(),
          repo.evidence());
    }
    PublishedScorecard parsed = PublishedScorecard.parse(file.content());
    for (PublishedScorecard.Row row : parsed.rows()) {
      for (String written : row.repos()) {
        if (!rule.repo().equalsIgnoreCase(comparison.resolve(written))) {
          continue;
        }
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(ScorecardComparison.line(file.htmlUrl(), path, row.line()));
        evidence.addAll(repo.evidence());
        if (!repo.tier().equals(row.tier())) {
          return Finding.fail(
              rule.repo()
                  + " is published in "
                  + row.tierCell()
                  + " but is "
                  + computed
                  + " by its evidence: "
                  + repo.summary(),
              "the published row retruthed to Tier " + repo.tier(),
              evidence);
        }
        return Finding.pass(
            rule.repo()
                + " is "
                + computed
                + " in the published scorecard (line "
                + row.line()
                + ") and by its evidence: "
                + repo.summary(),
            evidence);
      }
    }
    return Finding.fail(
        "the published scorecard does not list "
            + rule.repo()
            + "; evidence puts it in "
            + computed,
        "a published scorecard row for " + rule.repo() + " in Tier " + repo.tier(),
        repo.evidence());
  }

  /**
   * {@code scorecard_matches} ({@code wantMatch}) or {@code scorecard_diverges}: the published
   * scorecard set against the computed one.
   */
  Finding published(boolean wantMatch) {
    Scorecards.PublishedFile published = scorecards.publishedFile();
    if (published.problem() != null) {
      return Finding.error(published.problem(), "the published scorecard");
    }
    FileFact file = published.file();
    String path = definition.published().path();
    if (!file.exists() || file.content() == null) {
      return Finding.fail(
          "no published scorecard at " + path + (wantMatch ? "" : ": nothing to diverge"),
          wantMatch ? "the scorecard published at " + path : "a published scorecard at " + path,
          List.of());
    }
    PublishedScorecard parsed = PublishedScorecard.parse(file.content());
    if (!parsed.readable()) {
      return Finding.fail(
          path
              + " has no scorecard table (Tier | Meaning | Repos | Count) and no runner-dogfood line",
          "the scorecard table in " + path,
          List.of(EvidenceOf.file(file).build()));
    }
    Scorecard computed = scorecards.compute(null, null);
    Scorecard.Comparison compared = this.comparison.compare(path, file.htmlUrl(), parsed, computed);
    List<Evidence> evidence = new ArrayList<>();
    compared.divergences().forEach(divergence -> evidence.addAll(divergence.evidence()));
    if (!compared.divergences().isEmpty()) {
      String summary =
          compared.divergences().size()
              + (compared.divergences().size() == 1 ? " divergence" : " divergences")
              + " between "
              + path
              + " and the evidence: "
              + String.join(
                  "; ", compared.divergences().stream().map(Divergence::summary).toList());
      return wantMatch
          ? Finding.fail(
              summary,
              "counts retruthed from evidence (flywheel-gates scorecard --format markdown)",
              evidence)
          : Finding.pass(summary, evidence);
    }
    if (!compared.undecided().isEmpty()) {
      return Finding.error(
          "cannot compare "
              + path
              + " with the evidence: "
              + String.join("; ", compared.undecided()),
          "readable evidence for every repo of the active set");
    }
    List<Evidence> row = new ArrayList<>();
    row.add(ScorecardComparison.line(file.htmlUrl(), path, parsed.dogfood().line()));
    String summary = path + " matches the evidence: runner dogfood " + computed.dogfoodLine();
    return wantMatch
        ? Finding.pass(summary, row)
        : Finding.fail(summary, "a published scorecard that disagrees with the evidence", row);
  }

  /**
   * {@code counted_repos_stable}: every repo counted as runner dogfood passed the stability gate of
   * each rollout PR on it that was evaluated before this one.
   */
  Finding countedReposStable() {
    Scorecard computed = scorecards.compute(null, null);
    if (!computed.unclassified().isEmpty()) {
      return Finding.error(
          String.join(
              "; ",
              computed.unclassified().stream()
                  .map(repo -> repo.repo() + " is unclassified: " + repo.summary())
                  .toList()),
          "readable evidence for every repo of the active set");
    }
    List<String> parts = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    Status status = Status.PASS;
    for (RepoClassification repo : computed.repos()) {
      if (!repo.counted()) {
        continue;
      }
      List<String> gates = new ArrayList<>();
      for (PrDefinition pr : context.definitions.prs()) {
        PrResult result = context.evaluated.get(pr.id());
        if (result == null || !pr.repo().equalsIgnoreCase(repo.repo())) {
          continue;
        }
        GateResult stability = result.gate(GateType.STABILITY.key());
        status = Status.worst(List.of(status, stability.status()));
        gates.add(pr.id() + " stability " + stability.status());
      }
      evidence.addAll(repo.evidence());
      parts.add(
          repo.repo()
              + " (Tier "
              + repo.tier()
              + "): "
              + (gates.isEmpty()
                  ? "no rollout PR on it; counted by its own default-branch proof"
                  : String.join(", ", gates)));
    }
    if (parts.isEmpty()) {
      return Finding.pass("no repo is counted as runner dogfood", List.of());
    }
    String summary = String.join("; ", parts);
    return switch (status) {
      case PASS -> Finding.pass(summary, evidence);
      case FAIL -> Finding.fail(summary, "each counted pilot's stability gate to pass", evidence);
      case ERROR -> Finding.error(summary, "each counted pilot's stability gate to be decidable");
      default -> Finding.pending(summary, "each counted pilot's stability gate to pass", evidence);
    };
  }

  private static String tierList(java.util.Collection<String> ids) {
    return String.join(" or ", ids.stream().sorted().map(id -> "Tier " + id).toList());
  }
}
