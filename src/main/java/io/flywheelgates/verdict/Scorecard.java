package io.flywheelgates.verdict;

import java.time.Instant;
import java.util.List;

/**
 * The tier scorecard computed from evidence: the table in the note's shape ({@code Tier | Meaning |
 * Repos | Count}), each repo's classification, the runner-dogfood count over the active set, and,
 * when a published scorecard was compared, how it diverges.
 */
public record Scorecard(
    Instant evaluatedAt,
    Source source,
    List<Row> rows,
    List<RepoClassification> repos,
    Comparison comparison) {

  public Scorecard {
    rows = List.copyOf(rows);
    repos = List.copyOf(repos);
  }

  /** One tier: its repos (full names) in active-set order. */
  public record Row(String tier, String meaning, boolean dogfood, List<String> repos) {
    public Row {
      repos = List.copyOf(repos);
    }

    public String label() {
      return "Tier " + tier;
    }
  }

  public Scorecard withComparison(Comparison compared) {
    return new Scorecard(evaluatedAt, source, rows, repos, compared);
  }

  /** Repos counted as runner dogfood (the dogfood tiers). */
  public int counted() {
    return (int) repos.stream().filter(RepoClassification::counted).count();
  }

  public int activeSet() {
    return repos.size();
  }

  public List<RepoClassification> unclassified() {
    return repos.stream().filter(repo -> !repo.classified()).toList();
  }

  /** The dogfood share in whole percent, rounded half up as a person would write it. */
  public int percent() {
    return activeSet() == 0 ? 0 : (int) Math.round(100.0 * counted() / activeSet());
  }

  /** "3 of 14 (21%)". */
  public String dogfoodLine() {
    return counted() + " of " + activeSet() + " (" + percent() + "%)";
  }

  /**
   * A published scorecard set against the computed one.
   *
   * @param published the file compared (path or URL)
   * @param divergences each way the published one disagrees with the evidence
   * @param undecided what could not be compared, and why (a repo whose evidence was unreadable)
   */
  public record Comparison(String published, List<Divergence> divergences, List<String> undecided) {
    public Comparison {
      divergences = List.copyOf(divergences);
      undecided = List.copyOf(undecided);
    }

    public boolean matches() {
      return divergences.isEmpty() && undecided.isEmpty();
    }
  }

  /**
   * One disagreement. {@code kind}: {@code tier} (a repo in another tier), {@code missing} (an
   * active-set repo the table leaves out), {@code unknown_repo}, {@code unknown_tier}, {@code
   * duplicate}, {@code count}, {@code dogfood} (the N of M line) or {@code unbacked} (a claim whose
   * pull request is not merged).
   */
  public record Divergence(String kind, String repo, String summary, List<Evidence> evidence) {
    public Divergence {
      evidence = List.copyOf(evidence);
    }
  }
}
