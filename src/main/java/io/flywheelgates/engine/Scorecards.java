package io.flywheelgates.engine;

import io.flywheelgates.definition.Definitions;
import io.flywheelgates.definition.ScorecardDefinition;
import io.flywheelgates.definition.ScorecardDefinition.Tier;
import io.flywheelgates.facts.FactRequest;
import io.flywheelgates.facts.Facts;
import io.flywheelgates.facts.FileFact;
import io.flywheelgates.facts.RepoFacts;
import io.flywheelgates.verdict.RepoClassification;
import io.flywheelgates.verdict.Scorecard;
import io.flywheelgates.verdict.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The computed scorecard of the active set, and its comparison with a published one. Pure: it reads
 * facts through the context and lists what it lacked.
 */
public final class Scorecards {
  /** The scorecard, and the facts it needed and did not have. */
  public record Result(Scorecard scorecard, Set<FactRequest> missing) {}

  /** A published scorecard to compare: its name (a path) and its Markdown text. */
  public record Published(String name, String text) {}

  /** Whether the text holds a scorecard to compare: its table or its runner-dogfood line. */
  public static boolean isScorecard(String text) {
    return PublishedScorecard.parse(text).readable();
  }

  /**
   * Classifies the active set and, when {@code published} is given, compares that scorecard with
   * the computed one.
   *
   * @throws IllegalArgumentException when the rollout defines no scorecard (callers check first)
   */
  public static Result score(
      Definitions definitions, Facts facts, Instant at, Source source, Published published) {
    if (definitions.rollout().scorecard() == null) {
      throw new IllegalArgumentException("the rollout defines no scorecard");
    }
    EvaluationContext context = new EvaluationContext(facts, definitions, at);
    Scorecards scorecards = new Scorecards(context);
    Scorecard scorecard = scorecards.compute(source, null);
    if (published != null) {
      scorecard =
          scorecard.withComparison(
              new ScorecardComparison(scorecards)
                  .compare(
                      published.name(),
                      null,
                      PublishedScorecard.parse(published.text()),
                      scorecard));
    }
    return new Result(scorecard, Collections.unmodifiableSet(context.missing));
  }

  final EvaluationContext context;
  final TierClassifier tiers;
  final ScorecardDefinition definition;

  Scorecards(EvaluationContext context) {
    this.context = context;
    this.tiers = context.tiers();
    this.definition = tiers.definition();
  }

  /** Every repo of the active set classified, and the table in the note's order (0-4, then X). */
  Scorecard compute(Source source, Scorecard.Comparison comparison) {
    List<RepoClassification> repos =
        definition.activeSet().stream().map(active -> tiers.classify(active.repo())).toList();
    List<Tier> ordered = new ArrayList<>(definition.tiers());
    ordered.sort(Scorecards::byTierOrder);
    List<Scorecard.Row> rows = new ArrayList<>();
    for (Tier tier : ordered) {
      List<String> names =
          repos.stream()
              .filter(repo -> tier.id().equals(repo.tier()))
              .map(RepoClassification::repo)
              .toList();
      rows.add(new Scorecard.Row(tier.id(), tier.meaning(), tier.dogfood(), names));
    }
    return new Scorecard(context.at, source, rows, repos, comparison);
  }

  /** Numbered tiers in their order, the others (X) after them as defined. */
  private static int byTierOrder(Tier a, Tier b) {
    boolean aNumbered = a.id().matches("\\d+");
    boolean bNumbered = b.id().matches("\\d+");
    if (aNumbered && bNumbered) {
      return Integer.compare(Integer.parseInt(a.id()), Integer.parseInt(b.id()));
    }
    return Boolean.compare(!aNumbered, !bNumbered);
  }

  /** The published scorecard in the repository the definition names, as a file fact. */
  record PublishedFile(FileFact file, String problem) {}

  PublishedFile publishedFile() {
    String repoName = definition.published().repo();
    String path = definition.published().path();
    RepoFacts repo = context.repo(repoName);
    if (repo == null) {
      context.missing.add(new FactRequest.Repository(repoName));
      return new PublishedFile(null, "no evidence about " + repoName + " was gathered");
    }
    if (!repo.found()) {
      return new PublishedFile(null, "repository " + repoName + " not found");
    }
    String branch = context.defaultBranch(repo);
    FileFact file = context.file(repoName, repo, path, branch);
    if (file == null) {
      return new PublishedFile(
          null, path + " at " + branch + " in " + repoName + " was not gathered");
    }
    return new PublishedFile(file, null);
  }
}
