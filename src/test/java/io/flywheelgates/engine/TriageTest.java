package io.flywheelgates.engine;

import static io.flywheelgates.support.World.DOCKER;
import static io.flywheelgates.support.World.HEAVY;
import static io.flywheelgates.support.World.NIX;
import static org.assertj.core.api.Assertions.assertThat;

import io.flywheelgates.facts.FactRequest;
import io.flywheelgates.support.Example;
import io.flywheelgates.support.World;
import io.flywheelgates.verdict.Source;
import io.flywheelgates.verdict.TriageReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriageTest {
  private static final Instant EVENING = Instant.parse("2026-04-17T21:30:00Z");
  private static final Source SOURCE =
      new Source("snapshot", "test", "https://api.github.com", EVENING);

  @Test
  void mixedCausesAreCountedApartAndTheTestFailureStaysUnclassified() {
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

    Triage.Result result =
        new Triage()
            .triage(
                Example.gates(),
                Example.factsWith(w.facts()),
                EVENING,
                SOURCE,
                List.of("pr-1"),
                null,
                20);

    TriageReport report = result.report();
    TriageReport.Lane heavy =
        report.lanes().stream().filter(l -> l.lane().equals(HEAVY)).findFirst().orElseThrow();
    assertThat(heavy.causes()).isEqualTo(Map.of("runner-registration", 2, "unclassified", 1));
    assertThat(report.failures())
        .extracting(TriageReport.Failure::cause)
        .containsExactly("runner-registration", "runner-registration", "unclassified");
    assertThat(report.failures().get(2).matched())
        .isEqualTo("no failure signature matched its log");
    assertThat(report.gaps()).isEmpty();
    assertThat(result.missing()).isEmpty();
  }

  @Test
  void aFailedJobWhoseLogIsMissingIsAGapAndItsLogIsAskedFor() {
    ProofWorld world = new ProofWorld().greenRuns(1);
    World w = world.world;
    world.proof.run(
        "2026-04-17T10:00:00Z",
        "schedule",
        "main",
        w.ok(DOCKER),
        w.ok(NIX),
        w.failedLogUnknown(HEAVY));

    Triage.Result result =
        new Triage()
            .triage(
                Example.gates(),
                Example.factsWith(w.facts()),
                EVENING,
                SOURCE,
                List.of("pr-1"),
                null,
                20);

    assertThat(result.report().failures())
        .singleElement()
        .satisfies(failure -> assertThat(failure.cause()).isEqualTo("unclassified"));
    assertThat(result.report().gaps()).singleElement().asString().contains("was not gathered");
    assertThat(result.missing()).singleElement().isInstanceOf(FactRequest.Log.class);
  }
}
