package io.flywheelgates.engine;

import static io.flywheelgates.support.World.DOCKER;
import static io.flywheelgates.support.World.GF;
import static io.flywheelgates.support.World.HEAVY;
import static io.flywheelgates.support.World.NIX;
import static io.flywheelgates.support.World.PROOF;

import io.flywheelgates.support.World;

/**
 * GloriousFlywheel as PR 1's gates expect it, with no runs yet: tests add the runs they are about.
 */
final class ProofWorld {
  static final String PROOF_YML =
      """
      on: {push: {branches: [main]}, schedule: [{cron: "0 */6 * * *"}], workflow_dispatch: {}}
      jobs:
        proof-docker:
          runs-on: tinyland-docker
          steps:
            - run: docker run --rm busybox true
        proof-nix:
          runs-on: tinyland-nix
          steps:
            - run: nix build .#proof-hello
        proof-nix-heavy:
          runs-on: tinyland-nix-heavy
          steps:
            - run: nix build .#proof-hello
      """;
  static final String SCORECARD =
      """
      | Tier | Meaning | Repos | Count |
      |---|---|---|---|
      | Tier 4 | Repo-owned dedicated dogfood lane | tinyland-inc/GloriousFlywheel (tinyland-docker, tinyland-nix, tinyland-nix-heavy) | 1 |
      """;

  final World world = new World();
  final World.Workflow proof;

  ProofWorld() {
    World.Repo gf =
        world
            .repo(GF)
            .mergedPr(220, "2026-04-15T14:02:00Z", PROOF)
            .workflowFile("platform-proof.yml", PROOF_YML)
            .file("docs/reports/runner-adoption-scorecard.md", SCORECARD);
    proof = gf.workflow(PROOF);
  }

  /**
   * {@code n} default-branch push runs, all three lanes green, an hour apart from
   * 2026-04-16T00:00Z.
   */
  ProofWorld greenRuns(int n) {
    for (int i = 0; i < n; i++) {
      proof.run(
          "2026-04-16T%02d:00:00Z".formatted(i),
          "push",
          "main",
          world.ok(DOCKER),
          world.ok(NIX),
          world.ok(HEAVY));
    }
    return this;
  }
}
