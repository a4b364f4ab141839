package io.flywheelgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {
  private final CliRunner cli = new CliRunner();

  @TempDir Path temp;

  @Test
  void theBundledCasesPass() {
    CliRunner.Result result = cli.run("test", "gates/tests");

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(0);
    assertThat(result.out())
        .contains("PASS  gates/tests/heavy-is-not-nix.yaml")
        .containsPattern("policy tests: \\d+ passed, 0 failed");
    assertThat(result.out()).doesNotContain("FAIL  ");
  }

  @Test
  void aWrongExpectationFailsAndSaysWhatWasFound() throws Exception {
    Files.writeString(
        temp.resolve("wrong.yaml"),
        """
        schema: flywheel-gates/test@1
        describe: claims PR 3 is GO on the evening of 2026-04-17, which it is not
        snapshot: %s
        expect: {pr-3: GO}
        checks:
          pr-3.stability.two-routine-runs: PASS
          pr-3.proof.no-such-check: PASS
        stops:
          pr-1.lane-repeatedly-fails: TRIGGERED
        """
            .formatted(Path.of("examples/rollout-2026-04-17-evening.json").toAbsolutePath()));

    CliRunner.Result result = cli.run("test", temp.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .contains("FAIL  " + temp.resolve("wrong.yaml"))
        .contains(
            "pr-3: expected GO, got NO_GO (stability gate PENDING: needs 1 more successful default-branch run on tinyland-nix)")
        .contains("pr-3.stability.two-routine-runs: expected PASS, got PENDING")
        .contains("pr-3.proof.no-such-check: no such check")
        .contains("pr-1.lane-repeatedly-fails: expected TRIGGERED, got CLEAR")
        .contains("policy tests: 0 passed, 1 failed");
  }

  @Test
  void anInvalidCaseFileIsAUsageErrorWithItsLocation() throws Exception {
    Files.writeString(
        temp.resolve("bad.yaml"),
        """
        schema: flywheel-gates/test@1
        describe: a verdict that does not exist
        snapshot: nowhere.json
        expect: {pr-1: MAYBE}
        """);

    CliRunner.Result result = cli.run("test", temp.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            temp.resolve("bad.yaml")
                + ":4:16: 'MAYBE' is not one of BLOCKED, GO, INCONCLUSIVE, NO_GO, STOP");
  }
}
