package io.flywheelgates.engine;

import io.flywheelgates.definition.PrDefinition;
import io.flywheelgates.definition.ScorecardDefinition;
import io.flywheelgates.definition.ScorecardDefinition.Tier;
import io.flywheelgates.verdict.Evidence;
import io.flywheelgates.verdict.RepoClassification;
import io.flywheelgates.verdict.Scorecard;
import io.flywheelgates.verdict.Scorecard.Divergence;
import io.flywheelgates.verdict.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A published scorecard set against the one computed from evidence: every divergence (a repo in
 * another tier, a count, a claim whose pull request is not merged) and what could not be compared.
 */
final class ScorecardComparison {
  private final Scorecards scorecards;
  private final EvaluationContext context;
  private final TierClassifier tiers;
  private final ScorecardDefinition definition;

  ScorecardComparison(Scorecards scorecards) {
    this.scorecards = scorecards;
    this.context = scorecards.context;
    this.tiers = scorecards.tiers;
    this.definition = scorecards.definition;
  }

  /**
   * Sets a published scorecard against the computed one. {@code link} is where a reader finds it: a
   * URL that takes {@code #L<line>}, or a file name.
   */
  Scorecard.Comparison compare(
      String name, String link, PublishedScorecard published, Scorecard computed) {
    List<Divergence> divergences = new ArrayList<>();
    List<String> undecided = new ArrayList<>();

    // Where the published table puts each repo.
    Map<String, PublishedScorecard.Row> placed = new HashMap<>();
    for (PublishedScorecard.Row row : published.rows()) {
      Evidence at = line(link, name, row.line());
      if (row.tier() == null || definition.tier(row.tier()).isEmpty()) {
        divergences.add(
            new Divergence(
                "unknown_tier",
                null,
                "line "
                    + row.line()
                    + ": '"
                    + row.tierCell()
                    + "' is not a tier the rollout defines",
                List.of(at)));
        continue;
      }
      if (row.count() == null) {
        divergences.add(
            new Divergence(
                "count",
                null,
                "line " + row.line() + ": Tier " + row.tier() + "'s count is not a number",
                List.of(at)));
      } else if (row.count() != row.repos().size()) {
        divergences.add(
            new Divergence(
                "count",
                null,
                "Tier "
                    + row.tier()
                    + " lists "
                    + row.repos().size()
                    + " repos but counts "
                    + row.count(),
                List.of(at)));
      }
      for (String written : row.repos()) {
        String repo = resolve(written);
        if (repo == null) {
          divergences.add(
              new Divergence(
                  "unknown_repo",
                  written,
                  "Tier " + row.tier() + " lists " + written + ", which is not in the active set",
                  List.of(at)));
        } else if (placed.containsKey(repo.toLowerCase(Locale.ROOT))) {
          divergences.add(
              new Divergence(
                  "duplicate", repo, repo + " is listed in more than one row", List.of(at)));
        } else {
          placed.put(repo.toLowerCase(Locale.ROOT), row);
        }
      }
    }

    for (RepoClassification repo : computed.repos()) {
      PublishedScorecard.Row row = placed.get(repo.repo().toLowerCase(Locale.ROOT));
      if (!repo.classified()) {
        undecided.add(repo.repo() + " is unclassified: " + repo.summary());
        continue;
      }
      if (row == null) {
        divergences.add(
            new Divergence(
                "missing",
                repo.repo(),
                repo.repo()
                    + " is not in the published table; evidence puts it in Tier "
                    + repo.tier(),
                repo.evidence()));
      } else if (!row.tier().equals(repo.tier())) {
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(line(link, name, row.line()));
        evidence.addAll(repo.evidence());
        divergences.add(
            new Divergence(
                "tier",
                repo.repo(),
                repo.repo()
                    + " is published in Tier "
                    + row.tier()
                    + ", evidence puts it in Tier "
                    + repo.tier()
                    + " ("
                    + repo.meaning()
                    + "): "
                    + repo.summary(),
                evidence));
      }
    }

    if (computed.unclassified().isEmpty()) {
      compareCounts(published, computed, link, name, divergences);
    } else if (published.dogfood() == null) {
      divergences.add(dogfoodMissing(computed));
    }
    backing(published, placed, link, name, divergences, undecided);
    return new Scorecard.Comparison(name, divergences, undecided);
  }

  private void compareCounts(
      PublishedScorecard published,
      Scorecard computed,
      String link,
      String name,
      List<Divergence> divergences) {
    for (Scorecard.Row row : computed.rows()) {
      PublishedScorecard.Row written =
          published.rows().stream()
              .filter(candidate -> row.tier().equals(candidate.tier()))
              .findFirst()
              .orElse(null);
      if (written != null && written.count() != null && written.count() != row.repos().size()) {
        divergences.add(
            new Divergence(
                "count",
                null,
                "Tier "
                    + row.tier()
                    + " counts "
                    + written.count()
                    + ", evidence gives "
                    + row.repos().size(),
                List.of(line(link, name, written.line()))));
      }
    }
    PublishedScorecard.Dogfood dogfood = published.dogfood();
    if (dogfood == null) {
      divergences.add(dogfoodMissing(computed));
      return;
    }
    boolean percentOff = dogfood.percent() != null && dogfood.percent() != computed.percent();
    if (dogfood.counted() != computed.counted()
        || dogfood.of() != computed.activeSet()
        || percentOff) {
      divergences.add(
          new Divergence(
              "dogfood",
              null,
              "runner dogfood is published as "
                  + dogfood.counted()
                  + " of "
                  + dogfood.of()
                  + (dogfood.percent() == null ? "" : " (" + dogfood.percent() + "%)")
                  + ", evidence gives "
                  + computed.dogfoodLine(),
              List.of(line(link, name, dogfood.line()))));
    }
  }

  private static Divergence dogfoodMissing(Scorecard computed) {
    return new Divergence(
        "dogfood",
        null,
        "no runner-dogfood line (\"Runner dogfood: N of M\"); evidence gives at least "
            + computed.dogfoodLine(),
        List.of());
  }

  /**
   * A repo published in a dogfood tier is a claim: the rollout PR on that repo must be merged, not
   * an open branch or an intended change.
   */
  private void backing(
      PublishedScorecard published,
      Map<String, PublishedScorecard.Row> placed,
      String link,
      String name,
      List<Divergence> divergences,
      List<String> undecided) {
    for (Map.Entry<String, PublishedScorecard.Row> entry : placed.entrySet()) {
      Tier tier = definition.tier(entry.getValue().tier()).orElse(null);
      if (tier == null || !tier.dogfood()) {
        continue;
      }
      String repo = resolve(entry.getKey());
      PrDefinition pr = tiers.backingPr(repo);
      if (pr == null) {
        continue;
      }
      PullRequests.Resolution resolution = PullRequests.resolve(pr.pullRequest(), context);
      Status status = resolution.finding().status();
      if (status == Status.ERROR) {
        undecided.add(
            "whether "
                + pr.pullRequest()
                + " backs "
                + repo
                + ": "
                + resolution.finding().summary());
      } else if (status != Status.PASS) {
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(line(link, name, entry.getValue().line()));
        evidence.addAll(resolution.finding().evidence());
        divergences.add(
            new Divergence(
                "unbacked",
                repo,
                repo
                    + " is claimed in Tier "
                    + tier.id()
                    + ", but "
                    + pr.id()
                    + " is not backed by a merged PR: "
                    + resolution.finding().summary(),
                evidence));
      }
    }
  }

  /** The active-set repo a written name means: owner/name, or a name only one repo has. */
  String resolve(String written) {
    String match = null;
    for (ScorecardDefinition.ActiveRepo active : definition.activeSet()) {
      String full = active.repo();
      String shortName = full.substring(full.indexOf('/') + 1);
      if (full.equalsIgnoreCase(written)) {
        return full;
      }
      if (shortName.equalsIgnoreCase(written)) {
        if (match != null) {
          return null;
        }
        match = full;
      }
    }
    return match;
  }

  static Evidence line(String link, String name, int line) {
    String url = link != null && link.startsWith("http") ? link + "#L" + line : null;
    return Evidence.of("published_row", url).with("file", name).with("line", line).build();
  }
}
