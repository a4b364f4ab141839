package io.flywheelgates.engine;

import static io.flywheelgates.support.World.DOCKER;
import static io.flywheelgates.support.World.GF;
import static io.flywheelgates.support.World.HEAVY;
import static io.flywheelgates.support.World.NIX;
import static io.flywheelgates.support.World.PROOF;
import static org.assertj.core.api.Assertions.assertThat;

import io.flywheelgates.definition.Definitions;
import io.flywheelgates.facts.Facts;
import io.flywheelgates.support.Example;
import io.flywheelgates.support.World;
import io.flywheelgates.verdict.CheckResult;
import io.flywheelgates.verdict.PrResult;
import io.flywheelgates.verdict.RolloutVerdict;
import io.flywheelgates.verdict.Source;
import io.flywheelgates.verdict.Status;
import io.flywheelgates.verdict.StopResult;
import io.flywheelgates.verdict.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The semantics of rollout.md, each from hand-built facts judged by the bundled gates. */
class EngineSemanticsTest {
  private static final Definitions GATES = Example.gates();
  private static final Instant EVENING = Instant.parse("2026-04-17T21:30:00Z");
  private static final Source SOURCE =
      new Source("snapshot", "test", "https://api.github.com", EVENING);

  private static RolloutVerdict evaluate(Facts facts, Instant at, String... prs) {
    return new Engine().evaluate(GATES, Example.factsWith(facts), at, SOURCE, List.of(prs));
  }

  private static PrResult pr1(ProofWorld world) {
    return evaluate(world.world.facts(), EVENING, "pr-1").prs().get(0);
  }

  private static CheckResult check(PrResult pr, String gate, String id) {
    return pr.gate(gate).checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  private static StopResult laneStop(PrResult pr) {
    return pr.stopConditions().get(0);
  }

  @Test
  void threeGreenDefaultBranchRunsPerLaneMakePr1GoAndCitable() {
    PrResult pr = pr1(new ProofWorld().greenRuns(3));

    assertThat(pr.verdict()).isEqualTo(Verdict.GO);
    assertThat(pr.citable()).isTrue();
    assertThat(pr.gate("reporting").status()).isEqualTo(Status.PASS);
    assertThat(pr.evidenceArtifacts().missing()).isEmpty();
    assertThat(pr.evidenceArtifacts().mergedPr()).endsWith("/pull/220");
  }

  @Test
  void featureBranchOnlyProofDoesNotCount() {
    ProofWorld world = new ProofWorld();
    World w = world.world;
    for (int i = 0; i < 3; i++) {
      world.proof.run(
          "2026-04-16T0%d:00:00Z".formatted(i),
          "push",
          "feat/platform-proof",
          w.ok(DOCKER),
          w.ok(NIX),
          w.ok(HEAVY));
    }

    CheckResult proof = check(pr1(world), "proof", "default-branch-proof-per-lane");

    assertThat(proof.status()).isEqualTo(Status.PENDING);
    assertThat(proof.summary())
        .contains("no run of GloriousFlywheel/platform-proof.yml matched")
        .contains("3 on other branches");
    assertThat(proof.needs()).contains("1 successful default-branch run");
  }

  @Test
  void pullRequestRunFromABranchNamedMainIsNotDefaultBranchProof() {
    ProofWorld world = new ProofWorld();
    World w = world.world;
    world.proof.run(
        "2026-04-16T01:00:00Z", "pull_request", "main", w.ok(DOCKER), w.ok(NIX), w.ok(HEAVY));

    CheckResult proof = check(pr1(world), "proof", "default-branch-proof-per-lane");

    assertThat(proof.status()).isEqualTo(Status.PENDING);
    assertThat(proof.summary()).contains("1 by other events");
  }

  @Test
  void heavyLaneJobDoesNotCountForTheNixLane() {
    ProofWorld world = new ProofWorld();
    World w = world.world;
    world.proof.run("2026-04-16T01:00:00Z", "push", "main", w.ok(DOCKER), w.ok(HEAVY));

    CheckResult proof = check(pr1(world), "proof", "default-branch-proof-per-lane");

    assertThat(proof.status()).isEqualTo(Status.PENDING);
    assertThat(proof.summary())
        .contains("tinyland-nix 0/1 (no job on this lane in 1 run)")
        .contains("tinyland-nix-heavy 1/1");
    assertThat(proof.needs())
        .isEqualTo("needs 1 more successful default-branch run on tinyland-nix");
  }

  @Test
  void skippedLaneJobInAGreenRunDoesNotCount() {
    ProofWorld world = new ProofWorld();
    World w = world.world;
    world.proof.run(
        "2026-04-16T01:00:00Z", "push", "main", w.ok(DOCKER), w.ok(NIX), w.skipped(HEAVY));

    CheckResult proof = check(pr1(world), "proof", "default-branch-proof-per-lane");

    assertThat(proof.status()).isEqualTo(Status.PENDING);
    assertThat(proof.needs())
        .isEqualTo("needs 1 more successful default-branch run on tinyland-nix-heavy");
  }

  @Test
  void twoOfThreeRunsIsPendingAndSaysWhatIsNeeded() {
    PrResult pr = pr1(new ProofWorld().greenRuns(2));
    CheckResult stability = check(pr, "stability", "three-default-branch-successes");

    assertThat(stability.status()).isEqualTo(Status.PENDING);
    assertThat(stability.needs())
        .isEqualTo(
            "needs 1 more successful default-branch run on tinyland-docker; "
                + "needs 1 more successful default-branch run on tinyland-nix; "
                + "needs 1 more successful default-branch run on tinyland-nix-heavy");
    assertThat(pr.verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(pr.gate("reporting").status()).isEqualTo(Status.WAITING);
    assertThat(pr.citable()).isFalse();
  }

  @Test
  void theSameRunCountsOnceEvenWithTwoJobsOnTheLane() {
    ProofWorld world = new ProofWorld();
    World w = world.world;
    world.proof.run(
        "2026-04-16T01:00:00Z", "push", "main", w.ok(DOCKER), w.ok(DOCKER), w.ok(NIX), w.ok(HEAVY));

    CheckResult stability = check(pr1(world), "stability", "three-default-branch-successes");

    assertThat(stability.summary()).contains("tinyland-docker 1/3");
  }

  @Test
  void aLaneJobThatFailedMakesTheShortGateFailNotPending() {
    ProofWorld world = new ProofWorld();
    World w = world.world;
    world.proof.run(
        "2026-04-16T01:00:00Z", "push", "main", w.ok(DOCKER), w.ok(NIX), w.failed(HEAVY));

    CheckResult proof = check(pr1(world), "proof", "default-branch-proof-per-lane");

    assertThat(proof.status()).isEqualTo(Status.FAIL);
    assertThat(proof.summary()).contains("tinyland-nix-heavy 0/1, 1 failed");
  }

  @Test
  void threeConsecutiveRegistrationFailuresStopPr1AndBlockPr2() {
    ProofWorld world = new ProofWorld().greenRuns(3);
    World w = world.world;
    for (int hour = 10; hour < 13; hour++) {
      world.proof.run(
          "2026-04-17T%d:00:00Z".formatted(hour),
          "schedule",
          "main",
          w.ok(DOCKER),
          w.ok(NIX),
          w.neverGotARunner(HEAVY));
    }

    RolloutVerdict verdict = evaluate(world.world.facts(), EVENING, "pr-1", "pr-2");
    PrResult pr1 = verdict.prs().get(0);
    PrResult pr2 = verdict.prs().get(1);

    assertThat(pr1.verdict()).isEqualTo(Verdict.STOP);
    assertThat(laneStop(pr1).state()).isEqualTo(StopResult.State.TRIGGERED);
    assertThat(laneStop(pr1).summary())
        .startsWith("tinyland-nix-heavy failed 3 times in a row")
        .contains("runner-registration");
    assertThat(laneStop(pr1).evidence()).hasSize(3);
    assertThat(pr1.reason()).contains("lane-repeatedly-fails");
    assertThat(pr1.rollback()).contains("keep the proof workflow");
    assertThat(pr2.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(pr2.blockedBy()).containsExactly("pr-1");
    assertThat(pr2.reason()).contains("stopped by pr-1's stop condition 'lane-repeatedly-fails'");
    assertThat(verdict.verdict()).isEqualTo(Verdict.STOP);
  }

  @Test
  void twoRegistrationFailuresAndATestFailureDoNotFireTheStop() {
    ProofWorld world = new ProofWorld().greenRuns(3);
    World w = world.world;
    world.proof.run(
        "2026-04-17T10:00:00Z", "schedule", "main", w.ok(DOCKER), w.ok(NIX), w.failed(HEAVY));
    world.proof.run(
        "2026-04-17T11:00:00Z",
        "schedule",
        "main",
        w.ok(DOCKER),
        w.ok(NIX),
        w.neverGotARunner(HEAVY));
    world.proof.run(
        "2026-04-17T12:00:00Z",
        "schedule",
        "main",
        w.ok(DOCKER),
        w.ok(NIX),
        w.neverGotARunner(HEAVY));

    PrResult pr = pr1(world);

    assertThat(laneStop(pr).state()).isEqualTo(StopResult.State.CLEAR);
    assertThat(laneStop(pr).summary()).contains("nearest: tinyland-nix-heavy 2 of 3");
    assertThat(pr.verdict()).isEqualTo(Verdict.GO);
  }

  @Test
  void routingAndMissingContractAreNamedCausesToo() {
    ProofWorld world = new ProofWorld().greenRuns(3);
    World w = world.world;
    world.proof.run(
        "2026-04-17T10:00:00Z", "schedule", "main", w.ok(DOCKER), w.ranHosted(NIX), w.ok(HEAVY));
    world.proof.run(
        "2026-04-17T11:00:00Z",
        "schedule",
        "main",
        w.ok(DOCKER),
        w.failedWithLog(NIX, "Run nix build", "error: ATTIC_SERVER is not set"),
        w.ok(HEAVY));
    world.proof.run(
        "2026-04-17T12:00:00Z", "schedule", "main", w.ok(DOCKER), w.ranHosted(NIX), w.ok(HEAVY));

    PrResult pr = pr1(world);

    assertThat(pr.verdict()).isEqualTo(Verdict.STOP);
    assertThat(laneStop(pr).evidence())
        .extracting(e -> e.attribute("cause"))
        .containsExactly("routing", "missing-contract", "routing");
  }

  @Test
  void aFailureWhoseLogWasNotGatheredLeavesTheStopUndecided() {
    ProofWorld world = new ProofWorld().greenRuns(3);
    World w = world.world;
    world.proof.run(
        "2026-04-17T10:00:00Z",
        "schedule",
        "main",
        w.ok(DOCKER),
        w.ok(NIX),
        w.failedLogUnknown(HEAVY));

    PrResult pr = pr1(world);

    assertThat(laneStop(pr).state()).isEqualTo(StopResult.State.UNDECIDED);
    assertThat(pr.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void aProofJobThatOnlyEchoesIsSyntheticProof() {
    World world = new World();
    String echoOnly =
        ProofWorld.PROOF_YML.replace(
            "  proof-nix-heavy:\n    runs-on: tinyland-nix-heavy\n    steps:\n      - run: nix build .#proof-hello\n",
            "  proof-nix-heavy:\n    runs-on: tinyland-nix-heavy\n    steps:\n      - run: |\n"
                + "          echo \"ATTIC_SERVER=$ATTIC_SERVER\"\n          env | grep BAZEL\n          cat \"$GITHUB_ENV\"\n");
    assertThat(echoOnly).isNotEqualTo(ProofWorld.PROOF_YML);
    world.repo(GF).mergedPr(220, "2026-04-15T14:02:00Z", PROOF).file(PROOF, echoOnly);

    CheckResult real =
        check(
            evaluate(world.facts(), EVENING, "pr-1").prs().get(0),
            "code",
            "proof-runs-real-commands");

    assertThat(real.status()).isEqualTo(Status.FAIL);
    assertThat(real.summary())
        .contains("synthetic-proof: job proof-nix-heavy only echoes environment state");
    assertThat(real.needs()).isEqualTo("one real lightweight command per lane in proof-nix-heavy");
  }

  @Test
  void anEchoBesideARealCommandIsNotSynthetic() {
    World world = new World();
    String mixed =
        ProofWorld.PROOF_YML.replace(
            "- run: nix build .#proof-hello",
            "- run: |\n          echo start\n          nix build .#proof-hello");
    world.repo(GF).mergedPr(220, "2026-04-15T14:02:00Z", PROOF).file(PROOF, mixed);

    CheckResult real =
        check(
            evaluate(world.facts(), EVENING, "pr-1").prs().get(0),
            "code",
            "proof-runs-real-commands");

    assertThat(real.status()).as(real.summary()).isEqualTo(Status.PASS);
    assertThat(real.summary()).contains("proof-nix-heavy: nix build .#proof-hello");
  }

  @Test
  void aWorkflowWithNoRunsDoesNotPassAndSaysSo() {
    PrResult pr = pr1(new ProofWorld());
    CheckResult proof = check(pr, "proof", "default-branch-proof-per-lane");

    assertThat(proof.status()).isNotEqualTo(Status.PASS);
    assertThat(proof.summary()).startsWith("no run of GloriousFlywheel/platform-proof.yml matched");
    assertThat(pr.verdict()).isEqualTo(Verdict.NO_GO);
  }

  @Test
  void aWorkflowGitHubDoesNotKnowIsAFindingNotACrash() {
    World world = new World();
    world
        .repo(GF)
        .mergedPr(220, "2026-04-15T14:02:00Z", PROOF)
        .file(PROOF, ProofWorld.PROOF_YML)
        .absentWorkflow(PROOF);

    CheckResult proof =
        check(
            evaluate(world.facts(), EVENING, "pr-1").prs().get(0),
            "proof",
            "default-branch-proof-per-lane");

    assertThat(proof.status()).isEqualTo(Status.FAIL);
    assertThat(proof.summary())
        .isEqualTo("workflow platform-proof.yml not found in tinyland-inc/GloriousFlywheel");
  }

  @Test
  void evidenceThatWasNeverGatheredIsInconclusiveNeverGo() {
    RolloutVerdict verdict =
        new Engine().evaluate(GATES, Example.factsWithout(GF), EVENING, SOURCE, List.of("pr-1"));

    PrResult pr = verdict.prs().get(0);
    assertThat(pr.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(check(pr, "code", "proof-workflow-merged").status()).isEqualTo(Status.ERROR);
    assertThat(check(pr, "code", "proof-workflow-merged").summary())
        .contains("no evidence about tinyland-inc/GloriousFlywheel");
  }

  @Test
  void runsWhoseJobsWereNotGatheredCannotProveALane() {
    ProofWorld world = new ProofWorld();
    world.proof.runJobsUnknown("2026-04-16T01:00:00Z", "success");

    CheckResult proof = check(pr1(world), "proof", "default-branch-proof-per-lane");

    assertThat(proof.status()).isEqualTo(Status.ERROR);
    assertThat(proof.summary()).contains("not gathered");
  }

  @Test
  void aRunWithNoJobsAfterStartupFailureIsARegistrationFailure() {
    ProofWorld world = new ProofWorld().greenRuns(3);
    for (int hour = 10; hour < 13; hour++) {
      world.proof.runWithoutJobs("2026-04-17T%d:00:00Z".formatted(hour), "startup_failure");
    }

    assertThat(pr1(world).verdict()).isEqualTo(Verdict.STOP);
  }

  @Test
  void runsAfterTheEvaluationInstantAreNotYetEvidence() {
    ProofWorld world = new ProofWorld().greenRuns(3);

    PrResult before =
        evaluate(world.world.facts(), Instant.parse("2026-04-16T01:30:00Z"), "pr-1").prs().get(0);

    assertThat(check(before, "stability", "three-default-branch-successes").summary())
        .contains("tinyland-docker 2/3");
    assertThat(before.verdict()).isEqualTo(Verdict.NO_GO);
  }

  @Test
  void aMissingClassificationRowKeepsAGoPrFromBeingCitable() {
    World fresh = new World();
    World.Workflow proof =
        fresh
            .repo(GF)
            .mergedPr(220, "2026-04-15T14:02:00Z", PROOF)
            .file(PROOF, ProofWorld.PROOF_YML)
            .file(
                "docs/reports/runner-adoption-scorecard.md",
                "tinyland-nix-heavy is mentioned, but no row\n")
            .workflow(PROOF);
    for (int i = 0; i < 3; i++) {
      proof.run(
          "2026-04-16T0%d:00:00Z".formatted(i),
          "push",
          "main",
          fresh.ok(DOCKER),
          fresh.ok(NIX),
          fresh.ok(HEAVY));
    }

    PrResult pr = evaluate(fresh.facts(), EVENING, "pr-1").prs().get(0);

    assertThat(pr.verdict()).isEqualTo(Verdict.GO);
    assertThat(pr.citable()).isFalse();
    assertThat(pr.evidenceArtifacts().classificationRow()).isNull();
    assertThat(check(pr, "reporting", Engine.MINIMUM_EVIDENCE).status()).isEqualTo(Status.FAIL);
    assertThat(check(pr, "reporting", Engine.MINIMUM_EVIDENCE).needs())
        .isEqualTo("a classification row or scorecard entry");
  }

  @Test
  void anExpiredAttestationDoesNotPassAndIsReportedAsAttested() {
    RolloutVerdict verdict =
        new Engine()
            .evaluate(
                GATES,
                Example.snapshot().facts(),
                Instant.parse("2026-06-01T00:00:00Z"),
                SOURCE,
                List.of("pr-2"));

    CheckResult attested = check(verdict.prs().get(0), "proof", "contract-wiring-validated");
    assertThat(attested.status()).isEqualTo(Status.PENDING);
    assertThat(attested.attested()).isTrue();
    assertThat(attested.summary()).contains("expired 2026-05-17");
    assertThat(attested.needs()).contains("renewed attestation");
    assertThat(verdict.prs().get(0).verdict()).isNotEqualTo(Verdict.GO);
  }

  @Test
  void aHybridRepoCountedAsCleanDogfoodStopsPr4() {
    io.flywheelgates.facts.RepoFacts gf = Example.snapshot().facts().repo(GF).orElseThrow();
    String scorecard =
        gf.file("docs/reports/runner-adoption-scorecard.md", "main").orElseThrow().content();
    String claimed =
        scorecard
            .replace(
                "| Tier 4 | Repo-owned dedicated dogfood lane | tinyland-inc/GloriousFlywheel",
                "| Tier 4 | Repo-owned dedicated dogfood lane | Jesssullivan/acuity-middleware, tinyland-inc/GloriousFlywheel")
            .replace(
                "| Tier X | Hybrid surface | Jesssullivan/acuity-middleware | 1 |",
                "| Tier X | Hybrid surface | | 0 |");
    assertThat(claimed).isNotEqualTo(scorecard);
    List<io.flywheelgates.facts.FileFact> files = new java.util.ArrayList<>(gf.files());
    files.replaceAll(
        f ->
            f.path().endsWith("runner-adoption-scorecard.md")
                ? new io.flywheelgates.facts.FileFact(
                    f.path(), f.ref(), true, f.sha(), f.htmlUrl(), claimed)
                : f);
    Facts facts =
        new Facts(
            List.of(
                new io.flywheelgates.facts.RepoFacts(
                    gf.fullName(),
                    true,
                    gf.defaultBranch(),
                    gf.htmlUrl(),
                    gf.pullRequests(),
                    gf.touchedPathsSearched(),
                    files,
                    gf.workflows(),
                    gf.workflowFiles())));

    PrResult pr4 = evaluate(facts, EVENING, "pr-4").prs().get(0);
    PrResult asPublished =
        new Engine()
            .evaluate(GATES, Example.snapshot().facts(), EVENING, SOURCE, List.of("pr-4"))
            .prs()
            .get(0);

    assertThat(pr4.verdict()).isEqualTo(Verdict.STOP);
    StopResult hybrid =
        pr4.stopConditions().stream()
            .filter(s -> s.id().equals("hybrid-reported-clean"))
            .findFirst()
            .orElseThrow();
    assertThat(hybrid.triggered()).isTrue();
    assertThat(hybrid.response())
        .containsExactly(
            "keep the repo in Tier X until the hosted authority path is either removed or explicitly bounded");
    assertThat(asPublished.stopConditions()).noneMatch(StopResult::triggered);
  }

  @Test
  void aBlockedPrIsStillEvaluatedAndReported() {
    RolloutVerdict verdict =
        new Engine().evaluate(GATES, Example.snapshot().facts(), EVENING, SOURCE, List.of("pr-4"));

    PrResult pr4 = verdict.prs().get(0);
    assertThat(pr4.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(pr4.blockedBy()).containsExactly("pr-3");
    assertThat(check(pr4, "proof", "hosted-deploy-explicit").status()).isEqualTo(Status.PASS);
    assertThat(check(pr4, "code", "pilot-merged").needs())
        .isEqualTo("merge Jesssullivan/acuity-middleware#50");
  }
}
