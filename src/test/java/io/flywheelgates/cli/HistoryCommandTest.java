package io.flywheelgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Golden tests of the history strip, in UTF-8, in ASCII and as JSON. */
class HistoryCommandTest {
  private static final String MORNING = "examples/rollout-2026-04-18-morning-stop.json";

  private static String golden(String name) throws Exception {
    return Files.readString(Path.of("src/test/resources/golden/" + name));
  }

  @Test
  void aUtf8TerminalGetsTheStripInSymbols() throws Exception {
    CliRunner.Result result =
        new CliRunner().env("LANG", "C.UTF-8").run("history", "pr-1", "--snapshot", MORNING);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    assertThat(result.out()).isEqualTo(golden("history-morning-pr-1.txt"));
    assertThat(result.out())
        .contains(
            "tinyland-nix-heavy  ✓ ✓ ✓ ✓ ✗ ✗ ✗ ✗   streak: 4 failures (runner-registration 4)");
  }

  @Test
  void anythingElseGetsAscii() throws Exception {
    CliRunner.Result byLocale =
        new CliRunner().env("LANG", "C").run("history", "pr-1", "--snapshot", MORNING);
    CliRunner.Result byOption =
        new CliRunner()
            .env("LANG", "en_US.UTF-8")
            .run("history", "pr-1", "--snapshot", MORNING, "--ascii");

    assertThat(byLocale.out()).isEqualTo(golden("history-morning-pr-1-ascii.txt"));
    assertThat(byOption.out()).isEqualTo(byLocale.out());
    assertThat(byLocale.out()).doesNotContain("✓").contains("tinyland-nix-heavy  + + + + x x x x");
  }

  @Test
  void jsonForOneLaneAndTheNewestRuns() throws Exception {
    CliRunner.Result result =
        new CliRunner()
            .run(
                "history",
                "pr-1",
                "--snapshot",
                MORNING,
                "--format",
                "json",
                "--lane",
                "tinyland-nix-heavy",
                "--last",
                "3");

    assertThat(result.out()).isEqualTo(golden("history-morning-pr-1-heavy.json"));
    assertThat(result.out()).contains("\"length\" : 3").doesNotContain("tinyland-docker");
  }

  @Test
  void anUnknownPrIsAUsageError() {
    CliRunner.Result result = new CliRunner().run("history", "pr-8", "--snapshot", MORNING);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("unknown PR 'pr-8'");
  }
}
