package io.flywheelgates.engine;

import static io.flywheelgates.support.World.DOCKER;
import static io.flywheelgates.support.World.GF;
import static io.flywheelgates.support.World.HEAVY;
import static io.flywheelgates.support.World.NIX;

import io.flywheelgates.definition.Definitions;
import io.flywheelgates.definition.ScorecardDefinition;
import io.flywheelgates.support.Example;
import io.flywheelgates.support.World;
import java.util.List;

/**
 * The 14 repositories of GloriousFlywheel's April scorecard (3 of 14, 21%), as hand-built facts: a
 * few workflow lines and one default-branch run each, so a test can move one thing and watch the
 * tier follow. The bundled gates, with these 14 as the active set.
 */
final class AprilScorecard {
  static final String TINYLAND_DEV = "tinyland-inc/tinyland.dev";
  static final String SCHEDULING_KIT = "Jesssullivan/scheduling-kit";
  static final String ACUITY = "Jesssullivan/acuity-middleware";
  static final String TINYVECTORS = "tinyland-inc/tinyvectors";

  static final List<String> ACTIVE_SET =
      List.of(
          "tinyland-inc/site",
          "tinyland-inc/brand",
          "tinyland-inc/dotfiles",
          "Jesssullivan/notes",
          "tinyland-inc/nix-config",
          "tinyland-inc/attic-tools",
          TINYVECTORS,
          "tinyland-inc/ui-kit",
          "tinyland-inc/forms",
          "Jesssullivan/lab",
          TINYLAND_DEV,
          GF,
          SCHEDULING_KIT,
          ACUITY);

  private static final String TEMPLATE =
      "tinyland-inc/ci-templates/.github/workflows/js-bazel-package.yml@main";
  private static final String MERGED = "2026-04-15T12:00:00Z";
  private static final String RAN = "2026-04-16T10:00:00Z";

  final World world = new World();

  /** The bundled gates with the April active set and no declared exceptions. */
  static Definitions gates(List<ScorecardDefinition.ActiveRepo> activeSet) {
    Definitions bundled = Example.gates();
    ScorecardDefinition scorecard = bundled.rollout().scorecard();
    return new Definitions(
        bundled.origin(),
        bundled.rollout().withScorecard(scorecard.withActiveSet(activeSet)),
        bundled.prs());
  }

  static Definitions gates() {
    return gates(
        ACTIVE_SET.stream()
            .map(repo -> new ScorecardDefinition.ActiveRepo(repo, List.of()))
            .toList());
  }

  AprilScorecard() {
    for (String repo :
        List.of(
            "tinyland-inc/site",
            "tinyland-inc/brand",
            "tinyland-inc/dotfiles",
            "Jesssullivan/notes")) {
      world.repo(repo).workflowFile("ci.yml", hosted("npm ci && npm test"));
    }
    world
        .repo("tinyland-inc/nix-config")
        .workflowFile("ci.yml", hosted("attic use tinyland && nix flake check"));
    world
        .repo("tinyland-inc/attic-tools")
        .workflowFile("ci.yml", hosted("attic login tinyland \"$ATTIC_SERVER\" && cargo test"));

    templateConsumer(TINYVECTORS, "runner_mode: hosted", false);
    world.repo(TINYVECTORS).mergedPr(17, MERGED);
    templateConsumer("tinyland-inc/ui-kit", null, false);
    templateConsumer("tinyland-inc/forms", null, false);
    templateConsumer("Jesssullivan/lab", "runner_mode: compat", false);

    templateConsumer(TINYLAND_DEV, "runner_mode: shared", true);
    world.repo(TINYLAND_DEV).workflowFile("deploy.yml", deploy(DOCKER));

    World.Repo gf =
        world
            .repo(GF)
            .mergedPr(220, MERGED, World.PROOF)
            .workflowFile(
                "platform-proof.yml",
                """
                on: {push: {branches: [main]}}
                jobs:
                  proof-docker: {runs-on: tinyland-docker, steps: [{run: docker run --rm busybox true}]}
                  proof-nix: {runs-on: tinyland-nix, steps: [{run: nix build .#proof-hello}]}
                  proof-nix-heavy: {runs-on: tinyland-nix-heavy, steps: [{run: nix build .#proof-hello}]}
                """);
    gf.workflow(World.PROOF)
        .run(RAN, "push", "main", world.ok(DOCKER), world.ok(NIX), world.ok(HEAVY));

    templateConsumer(SCHEDULING_KIT, "runner_mode: repo_owned", true);
    world.repo(SCHEDULING_KIT).mergedPr(64, MERGED);

    templateConsumer(ACUITY, "runner_mode: repo_owned", true);
    world
        .repo(ACUITY)
        .mergedPr(50, MERGED)
        .workflowFile("deploy-modal.yml", deploy("ubuntu-latest"));
  }

  /** One of tinyland.dev's jobs moves to another runner: its deploy workflow now runs there. */
  AprilScorecard deployOn(String repo, String label) {
    world.repo(repo).workflowFile("deploy.yml", deploy(label));
    return this;
  }

  /**
   * A package workflow calling the template with {@code mode} (null: no runner_mode), and its
   * newest default-branch run on a lane or hosted.
   */
  private void templateConsumer(String repo, String mode, boolean selfHosted) {
    world
        .repo(repo)
        .workflowFile(
            "ci.yml",
            "on: {push: {branches: [main]}}\n"
                + "jobs:\n"
                + "  package:\n"
                + "    uses: "
                + TEMPLATE
                + "\n"
                + (mode == null ? "" : "    with: {" + mode + "}\n"));
    world
        .repo(repo)
        .workflow(".github/workflows/ci.yml")
        .run(
            RAN,
            "push",
            "main",
            selfHosted
                ? world.okAs("package / validate (20)", NIX)
                : world.okHostedAs("package / validate (20)"));
  }

  private static String hosted(String command) {
    return "on: {push: {branches: [main]}}\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: "
        + command
        + "\n";
  }

  private static String deploy(String label) {
    return "on: {push: {branches: [main]}}\njobs:\n  deploy:\n    runs-on: "
        + label
        + "\n    steps:\n      - run: ./deploy.sh\n";
  }
}
