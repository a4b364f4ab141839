package io.flywheelgates.engine;

import io.flywheelgates.definition.Definitions;
import io.flywheelgates.definition.GateType;
import io.flywheelgates.definition.PrDefinition;
import io.flywheelgates.definition.Rule;
import io.flywheelgates.definition.ScorecardDefinition;
import io.flywheelgates.definition.ScorecardDefinition.Tier;
import io.flywheelgates.facts.FactRequest;
import io.flywheelgates.facts.Facts;
import io.flywheelgates.facts.FileFact;
import io.flywheelgates.facts.RepoFacts;
import io.flywheelgates.verdict.Evidence;
import io.flywheelgates.verdict.GateResult;
import io.flywheelgates.verdict.PrResult;
import io.flywheelgates.verdict.RepoClassification;
import io.flywheelgates.verdict.Scorecard;
import io.flywheelgates.verdict.Scorecard.Divergence;
import io.flywheelgates.verdict.Source;
import io.flywheelgates.verdict.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    Scorecard.Comparison comparison =
        published == null ? null : scorecards.compare(published.name(), null, published.text());
    Scorecard scorecard = scorecards.compute(source, comparison);
    return new Result(scorecard, Collections.unmodifiableSet(context.missing));
  }

  private final EvaluationContext context;
  private final TierClassifier tiers;
  private final ScorecardDefinition definition;

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
    FileFact file = repo.file(path, branch).orElse(null);
    if (file == null) {
      context.missing.add(new FactRequest.File(repoName, path, branch));
      return new PublishedFile(
          null, path + " at " + branch + " in " + repoName + " was not gathered");
    }
    return new PublishedFile(file, null);
  }

  /**
   * Sets a published scorecard against the computed one. {@code link} is where a reader finds it: a
   * URL that takes {@code #L<line>}, or a file name.
   */
  Scorecard.Comparison compare(String name, String link, String text) {
    PublishedScorecard published = PublishedScorecard.parse(text);
    Scorecard computed = compute(null, null);
    List<Divergence> divergences = new ArrayList<>();
    List<String> undecided = new ArrayList<>();
    Map<String, RepoClassification> byRepo = new LinkedHashMap<>();
    computed.repos().forEach(repo -> byRepo.put(repo.repo().toLowerCase(Locale.ROOT), repo));

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

  // ----- rules over the scorecard

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
    PublishedFile published = publishedFile();
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
        if (!rule.repo().equalsIgnoreCase(resolve(written))) {
          continue;
        }
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(line(file.htmlUrl(), path, row.line()));
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
    PublishedFile published = publishedFile();
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
          List.of(TierClassifier.fileEvidence(file)));
    }
    Scorecard.Comparison comparison = compare(path, file.htmlUrl(), file.content());
    List<Evidence> evidence = new ArrayList<>();
    comparison.divergences().forEach(divergence -> evidence.addAll(divergence.evidence()));
    if (!comparison.divergences().isEmpty()) {
      String summary =
          comparison.divergences().size()
              + (comparison.divergences().size() == 1 ? " divergence" : " divergences")
              + " between "
              + path
              + " and the evidence: "
              + String.join(
                  "; ", comparison.divergences().stream().map(Divergence::summary).toList());
      return wantMatch
          ? Finding.fail(
              summary,
              "counts retruthed from evidence (flywheel-gates scorecard --format markdown)",
              evidence)
          : Finding.pass(summary, evidence);
    }
    if (!comparison.undecided().isEmpty()) {
      return Finding.error(
          "cannot compare "
              + path
              + " with the evidence: "
              + String.join("; ", comparison.undecided()),
          "readable evidence for every repo of the active set");
    }
    Scorecard computed = compute(null, null);
    List<Evidence> row = new ArrayList<>();
    row.add(line(file.htmlUrl(), path, parsed.dogfood().line()));
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
    Scorecard computed = compute(null, null);
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

  /** The active-set repo a written name means: owner/name, or a name only one repo has. */
  private String resolve(String written) {
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

  private static Evidence line(String link, String name, int line) {
    String url = link != null && link.startsWith("http") ? link + "#L" + line : null;
    return Evidence.of("published_row", url).with("file", name).with("line", line).build();
  }
}
