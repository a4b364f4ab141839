package io.flywheelgates.engine;

import static io.flywheelgates.engine.AprilScorecard.ACUITY;
import static io.flywheelgates.engine.AprilScorecard.SCHEDULING_KIT;
import static io.flywheelgates.engine.AprilScorecard.TINYLAND_DEV;
import static io.flywheelgates.engine.AprilScorecard.TINYVECTORS;
import static io.flywheelgates.support.World.GF;
import static org.assertj.core.api.Assertions.assertThat;

import io.flywheelgates.definition.Definitions;
import io.flywheelgates.definition.ScorecardDefinition;
import io.flywheelgates.facts.Facts;
import io.flywheelgates.verdict.RepoClassification;
import io.flywheelgates.verdict.Scorecard;
import io.flywheelgates.verdict.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tier classification and the published scorecard's comparison, from hand-built facts. */
class ScorecardTest {
  private static final Instant AT = Instant.parse("2026-04-17T21:00:00Z");
  private static final Source SOURCE =
      new Source("snapshot", "hand-built", "https://api.github.com", AT);

  private static Scorecard score(Definitions gates, Facts facts, String published) {
    return Scorecards.score(
            gates,
            facts,
            AT,
            SOURCE,
            published == null ? null : new Scorecards.Published("published.md", published))
        .scorecard();
  }

  private static String april() throws Exception {
    return Files.readString(Path.of("src/test/resources/scorecard/april-published.md"));
  }

  private static List<String> tier(Scorecard scorecard, String id) {
    return scorecard.rows().stream()
        .filter(row -> row.tier().equals(id))
        .findFirst()
        .orElseThrow()
        .repos();
  }

  private static RepoClassification repo(Scorecard scorecard, String name) {
    return scorecard.repos().stream().filter(r -> r.repo().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theAprilFactsGiveThePublishedTableThreeOfFourteen() throws Exception {
    Scorecard scorecard =
        score(AprilScorecard.gates(), new AprilScorecard().world.facts(), april());

    assertThat(scorecard.unclassified()).isEmpty();
    assertThat(tier(scorecard, "0")).hasSize(4);
    assertThat(tier(scorecard, "1"))
        .containsExactly("tinyland-inc/nix-config", "tinyland-inc/attic-tools");
    assertThat(tier(scorecard, "2"))
        .containsExactly(
            TINYVECTORS, "tinyland-inc/ui-kit", "tinyland-inc/forms", "Jesssullivan/lab");
    assertThat(tier(scorecard, "3")).containsExactly(TINYLAND_DEV);
    assertThat(tier(scorecard, "4")).containsExactly(GF, SCHEDULING_KIT);
    assertThat(tier(scorecard, "X")).containsExactly(ACUITY);
    assertThat(scorecard.dogfoodLine()).isEqualTo("3 of 14 (21%)");
    assertThat(scorecard.comparison().divergences()).isEmpty();
    assertThat(scorecard.comparison().matches()).isTrue();
  }

  @Test
  void eachRowCitesTheWorkflowFileAtItsBlobAndTheRunThatProvedIt() {
    Scorecard scorecard = score(AprilScorecard.gates(), new AprilScorecard().world.facts(), null);
    RepoClassification kit = repo(scorecard, SCHEDULING_KIT);

    assertThat(kit.counted()).isTrue();
    assertThat(kit.promotion()).allMatch(RepoClassification.Condition::holds).hasSize(4);
    assertThat(kit.evidence()).extracting(e -> e.kind()).contains("file", "run", "pull_request");
    assertThat(kit.evidence().get(0).attribute("sha")).isNotBlank();
    assertThat(kit.evidence().get(0).url()).endsWith("/blob/main/.github/workflows/ci.yml");
    assertThat(kit.summary()).contains("intent repo_owned", "proven by run");
    RepoClassification acuity = repo(scorecard, ACUITY);
    assertThat(acuity.summary())
        .contains(
            "hosted authority unbounded: deploy-modal.yml job deploy runs hosted with no declared exception");
  }

  @Test
  void movingOneRepositorysDeployJobToHostedMovesItToTierXAndTheCountToTwo() throws Exception {
    AprilScorecard april = new AprilScorecard().deployOn(TINYLAND_DEV, "ubuntu-latest");

    Scorecard scorecard = score(AprilScorecard.gates(), april.world.facts(), april());

    assertThat(tier(scorecard, "X")).containsExactly(TINYLAND_DEV, ACUITY);
    assertThat(tier(scorecard, "3")).isEmpty();
    assertThat(scorecard.dogfoodLine()).isEqualTo("2 of 14 (14%)");
    assertThat(scorecard.comparison().divergences())
        .extracting(Scorecard.Divergence::kind)
        .containsExactlyInAnyOrder("tier", "count", "count", "dogfood");
    assertThat(scorecard.comparison().divergences().get(0).summary())
        .startsWith("tinyland-inc/tinyland.dev is published in Tier 3, evidence puts it in Tier X");
  }

  @Test
  void aDeclaredClassBExceptionBoundsTheHostedDeployAndTheRepoCounts() {
    List<ScorecardDefinition.ActiveRepo> active = new ArrayList<>();
    for (String repo : AprilScorecard.ACTIVE_SET) {
      active.add(
          new ScorecardDefinition.ActiveRepo(
              repo,
              repo.equals(ACUITY)
                  ? List.of(
                      new ScorecardDefinition.HostedException(
                          ".github/workflows/deploy-modal.yml",
                          null,
                          ScorecardDefinition.ExceptionClass.B,
                          "Modal deploys need Modal's hosted credentials"))
                  : List.of()));
    }

    Scorecard scorecard =
        score(AprilScorecard.gates(active), new AprilScorecard().world.facts(), null);

    assertThat(repo(scorecard, ACUITY).tier()).isEqualTo("4");
    assertThat(repo(scorecard, ACUITY).summary())
        .contains("hosted authority bounded", "class B exception");
    assertThat(scorecard.dogfoodLine()).isEqualTo("4 of 14 (29%)");
  }

  @Test
  void declaredRepoOwnedButRanHostedIsClassCDriftWithBothPiecesOfEvidence() {
    AprilScorecard april = new AprilScorecard();
    // The repo variable naming the lane is unset: the template fell back to ubuntu-latest.
    april
        .world
        .repo(SCHEDULING_KIT)
        .workflow(".github/workflows/ci.yml")
        .run(
            "2026-04-17T09:00:00Z",
            "push",
            "main",
            april.world.okHostedAs("package / validate (20)"));

    RepoClassification kit =
        repo(score(AprilScorecard.gates(), april.world.facts(), null), SCHEDULING_KIT);

    assertThat(kit.drift())
        .startsWith(
            "class C (claim-breaking drift): ci.yml declares repo_owned, but package / validate (20)")
        .contains("ran on a hosted runner");
    assertThat(kit.signals()).containsEntry("drift", "true");
    assertThat(kit.tier()).isEqualTo("2");
    assertThat(kit.counted()).isFalse();
    assertThat(kit.evidence())
        .anySatisfy(e -> assertThat(e.url()).endsWith("/blob/main/.github/workflows/ci.yml"))
        .anySatisfy(e -> assertThat(e.attribute("runner_group")).isEqualTo("GitHub Actions"));
  }

  @Test
  void aRepoWhoseWorkflowCannotBeReadIsUnclassifiedNotGuessed() throws Exception {
    AprilScorecard april = new AprilScorecard();
    april.world.repo("tinyland-inc/forms").workflowFile("broken.yml", "jobs: [not, a, mapping");

    Scorecard scorecard = score(AprilScorecard.gates(), april.world.facts(), april());

    RepoClassification forms = repo(scorecard, "tinyland-inc/forms");
    assertThat(forms.classified()).isFalse();
    assertThat(forms.summary()).contains("broken.yml cannot be read as a workflow");
    assertThat(scorecard.unclassified()).hasSize(1);
    assertThat(scorecard.comparison().undecided())
        .singleElement()
        .asString()
        .contains("tinyland-inc/forms");
    assertThat(scorecard.comparison().matches()).isFalse();
  }

  @Test
  void nothingGatheredListsWhatToFetchAndClassifiesNothing() {
    Scorecards.Result result =
        Scorecards.score(AprilScorecard.gates(), new Facts(List.of()), AT, SOURCE, null);

    assertThat(result.scorecard().unclassified()).hasSize(14);
    assertThat(result.scorecard().counted()).isZero();
    assertThat(result.missing()).hasSize(28);
  }

  @Test
  void aClaimWhosePullRequestIsOpenIsNotBacked() throws Exception {
    AprilScorecard april = new AprilScorecard();
    april.world.repo(SCHEDULING_KIT).openPr(64);
    // An open PR #64 replaces the merged one: the facts hold the first PR of that number.
    Facts facts = withoutMergedPr(april.world.facts(), SCHEDULING_KIT, 64);

    Scorecard scorecard = score(AprilScorecard.gates(), facts, april());

    assertThat(repo(scorecard, SCHEDULING_KIT).tier()).isEqualTo("2");
    assertThat(scorecard.comparison().divergences())
        .anySatisfy(
            d -> {
              assertThat(d.kind()).isEqualTo("unbacked");
              assertThat(d.summary()).contains("pr-3 is not backed by a merged PR", "#64 is open");
            });
  }

  @Test
  void aPublishedTableThatNamesUnknownReposAndTiersSaysSo() throws Exception {
    String published =
        april()
            .replace("| Tier 1 |", "| Tier 7 |")
            .replace("tinyland-inc/site,", "tinyland-inc/site, tinyland-inc/ghost,");

    Scorecard scorecard =
        score(AprilScorecard.gates(), new AprilScorecard().world.facts(), published);

    assertThat(scorecard.comparison().divergences())
        .extracting(Scorecard.Divergence::kind)
        .contains("unknown_tier", "unknown_repo", "missing");
  }

  private static Facts withoutMergedPr(Facts facts, String repo, int number) {
    List<io.flywheelgates.facts.RepoFacts> repos = new ArrayList<>();
    for (var r : facts.repositories()) {
      if (!r.fullName().equals(repo)) {
        repos.add(r);
        continue;
      }
      repos.add(
          new io.flywheelgates.facts.RepoFacts(
              r.fullName(),
              r.found(),
              r.defaultBranch(),
              r.htmlUrl(),
              r.pullRequests().stream()
                  .filter(pr -> pr.number() != number || !pr.merged())
                  .toList(),
              r.touchedPathsSearched(),
              r.files(),
              r.workflows(),
              r.workflowFiles()));
    }
    return new Facts(repos);
  }
}
